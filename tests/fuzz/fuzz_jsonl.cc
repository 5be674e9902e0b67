// libFuzzer target over the JSONL record reader (ParseArticleLine, and so
// ReadJsonObject): any bytes, under the default limits and under tiny ones.
// Properties: it returns (no crash, no unbounded recursion); an accepted
// record has valid UTF-8 fields and an extra_json that is valid JSON; a
// rejected one says why.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "rasd/normalize.h"
#include "fuzz_check.h"
#include "json/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  rasd::InputLimits tiny;
  tiny.max_line_bytes = 512;
  tiny.max_article_bytes = 64;
  tiny.max_field_bytes = 32;
  tiny.max_depth = 4;
  tiny.max_keys_per_object = 8;
  tiny.max_values = 32;
  for (const rasd::InputLimits& limits : {rasd::InputLimits(), tiny}) {
    auto r = rasd::ParseArticleLine(line, limits);
    if (!r.ok()) {
      FUZZ_CHECK(!r.status().message().empty());
      continue;
    }
    for (const std::string* f : {&r->id, &r->date, &r->text, &r->title, &r->source, &r->url, &r->extra_json}) {
      FUZZ_CHECK(rasd::IsValidUtf8(*f));
    }
    FUZZ_CHECK(r->text.size() <= limits.max_article_bytes);
    FUZZ_CHECK(r->date.empty() || rasd::ValidateDate(r->date, true, nullptr).ok());
    FUZZ_CHECK(nlohmann::json::accept(r->extra_json));
  }
  return 0;
}
