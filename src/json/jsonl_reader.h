// Reading article records from JSONL (one JSON object a line).
#ifndef RASD_JSON_JSONL_READER_H_
#define RASD_JSON_JSONL_READER_H_

#include <string>
#include <string_view>

#include "rasd/limits.h"
#include "rasd/status.h"

namespace rasd {

// One article from a JSONL line: `id`, `date`, `text` (required), `title`,
// `source`, `url` (optional). Other fields are kept in `extra_json` (a JSON
// object, members in input order, non-string values as written) so that
// filters can pass them through. A numeric `id` is kept exactly as written;
// `date` is a real calendar day (Arabic-Indic digits made ASCII), optionally
// followed by a time.
struct ArticleRecord {
  std::string id;
  std::string date;
  std::string text;
  std::string title;
  std::string source;
  std::string url;
  std::string extra_json = "{}";
};

// Parses one JSONL line in time linear in its length, within `limits`
// (include/rasd/limits.h). Invalid UTF-8 in strings is repaired to U+FFFD.
// Fails with kInvalidArgument or kResourceExhausted and a short reason ("not
// valid JSON at byte 17: expected ':'", "field 'text' is missing", "nested
// deeper than 64 levels at byte 90") on bad input.
StatusOr<ArticleRecord> ParseArticleLine(std::string_view line, const InputLimits& limits = {});

}  // namespace rasd

#endif  // RASD_JSON_JSONL_READER_H_
