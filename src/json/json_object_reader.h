// A bounded, linear-time reader of one JSON object (a JSONL record or a
// request body): the top-level members as decoded strings or raw JSON text,
// nested values checked but not built. Shared by every reader of JSON input
// (jsonl_reader.cc, the server, the Python module) so that they enforce the
// same InputLimits (include/rasd/limits.h).
#ifndef RASD_JSON_JSON_OBJECT_READER_H_
#define RASD_JSON_JSON_OBJECT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/limits.h"
#include "rasd/status.h"

namespace rasd {

enum class JsonKind : int { kString, kNumber, kTrue, kFalse, kNull, kArray, kObject };

struct JsonMember {
  std::string key;    // decoded, UTF-8 repaired
  JsonKind kind = JsonKind::kNull;
  // kString: the decoded string (ill-formed UTF-8 and lone surrogate escapes
  // repaired to U+FFFD). Any other kind: the value's JSON text exactly as
  // written (a number keeps all its digits), with ill-formed UTF-8 inside its
  // strings repaired.
  std::string value;
};

// Reads `text` as one JSON object. Members come in input order; when a key
// occurs twice only the last member is kept (as most JSON readers do). Time
// and memory are linear in text.size(); nesting, member counts and field
// sizes are bounded by `limits` (the `text` member may be max_article_bytes,
// any other string max_field_bytes). Fails with kResourceExhausted when a
// size in bytes is over its limit, else kInvalidArgument, with a reason
// naming the byte offset ("not valid JSON at byte 17: …", "nested deeper than
// 64 levels at byte 91", "more than 10000 keys in one object at byte 98901").
StatusOr<std::vector<JsonMember>> ReadJsonObject(std::string_view text, const InputLimits& limits);

}  // namespace rasd

#endif  // RASD_JSON_JSON_OBJECT_READER_H_
