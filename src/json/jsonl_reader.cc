#include "json/jsonl_reader.h"

#include <nlohmann/json.hpp>

namespace rasd {

namespace {

// Reads an optional string field; numbers are accepted for `id`.
Status ReadString(const nlohmann::json& obj, const char* key, bool required, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) return InvalidArgumentError(std::string("field '") + key + "' is missing");
    return Status::Ok();
  }
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number()) {
    *out = it->dump();
  } else {
    return InvalidArgumentError(std::string("field '") + key + "' is not a string");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<ArticleRecord> ParseArticleLine(std::string_view line) {
  nlohmann::json obj = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) return InvalidArgumentError("not valid JSON");
  if (!obj.is_object()) return InvalidArgumentError("not a JSON object");
  ArticleRecord r;
  RASD_RETURN_IF_ERROR(ReadString(obj, "text", true, &r.text));
  RASD_RETURN_IF_ERROR(ReadString(obj, "id", false, &r.id));
  RASD_RETURN_IF_ERROR(ReadString(obj, "date", false, &r.date));
  RASD_RETURN_IF_ERROR(ReadString(obj, "title", false, &r.title));
  RASD_RETURN_IF_ERROR(ReadString(obj, "source", false, &r.source));
  RASD_RETURN_IF_ERROR(ReadString(obj, "url", false, &r.url));
  nlohmann::json extra = nlohmann::json::object();
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k != "text" && k != "id" && k != "date" && k != "title" && k != "source" && k != "url") {
      extra[k] = it.value();
    }
  }
  r.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace rasd
