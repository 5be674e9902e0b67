#include "json/jsonl_reader.h"

#include <string>
#include <utility>
#include <vector>

#include "json/json_escape.h"
#include "json/json_object_reader.h"

namespace rasd {

StatusOr<ArticleRecord> ParseArticleLine(std::string_view line, const InputLimits& limits) {
  auto members = ReadJsonObject(line, limits);
  if (!members.ok()) return members.status();
  ArticleRecord r;
  bool has_text = false;
  std::string extra(1, '{');
  for (JsonMember& m : *members) {
    std::string* known = m.key == "text"     ? &r.text
                         : m.key == "id"     ? &r.id
                         : m.key == "date"   ? &r.date
                         : m.key == "title"  ? &r.title
                         : m.key == "source" ? &r.source
                         : m.key == "url"    ? &r.url
                                             : nullptr;
    if (known == nullptr) {  // kept for filters: strings re-escaped, the rest as written
      if (extra.size() > 1) extra += ',';
      internal::AppendJsonString(m.key, &extra);
      extra += ':';
      if (m.kind == JsonKind::kString) {
        internal::AppendJsonString(m.value, &extra);
      } else {
        extra += m.value;
      }
      continue;
    }
    if (m.kind == JsonKind::kNull) continue;
    // A number (an id above 2^64 included) is kept exactly as written; a
    // date must be a string.
    if (m.kind != JsonKind::kString && (m.kind != JsonKind::kNumber || known == &r.date)) {
      return InvalidArgumentError("field '" + m.key + "' is not a string");
    }
    *known = std::move(m.value);
    has_text |= known == &r.text;
  }
  if (!has_text) return InvalidArgumentError("field 'text' is missing");
  if (!r.date.empty()) {
    std::string day;
    RASD_RETURN_IF_ERROR(ValidateDate(r.date, /*allow_time=*/true, &day));
    // Arabic-Indic digits of the day become ASCII; a time after it is kept.
    const size_t day_end = r.date.find_first_of("T ");
    r.date = day + (day_end == std::string::npos ? "" : r.date.substr(day_end));
  }
  extra += '}';
  r.extra_json = std::move(extra);
  return r;
}

}  // namespace rasd
