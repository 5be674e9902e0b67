// Reading article records from JSONL (one JSON object a line).
#ifndef RASD_JSON_JSONL_READER_H_
#define RASD_JSON_JSONL_READER_H_

#include <string>
#include <string_view>

#include "rasd/status.h"

namespace rasd {

// One article from a JSONL line: `id`, `date`, `text` (required), `title`,
// `source`, `url` (optional). Other fields are kept verbatim in `extra_json`
// (a JSON object) so that filters can pass them through.
struct ArticleRecord {
  std::string id;
  std::string date;
  std::string text;
  std::string title;
  std::string source;
  std::string url;
  std::string extra_json = "{}";
};

// Parses one JSONL line. Fails with kInvalidArgument and a short reason
// ("not valid JSON at byte 17", "field 'text' is missing") on bad input.
StatusOr<ArticleRecord> ParseArticleLine(std::string_view line);

}  // namespace rasd

#endif  // RASD_JSON_JSONL_READER_H_
