// Document <-> JSON: the one rendering shared by the CLI, the server and the
// golden tests. Offsets in JSON are Unicode code points (docs/offsets.md).
#ifndef RASD_JSON_DOCUMENT_JSON_H_
#define RASD_JSON_DOCUMENT_JSON_H_

#include <cstdint>
#include <string>

#include "rasd/document.h"

namespace rasd {

struct JsonOptions {
  bool tokens = true;     // the text layer: sentences, tokens and segments
  bool text = true;       // the article text itself
  int indent = -1;        // -1: one line (JSONL); >= 0: pretty-printed
};

// Renders `doc` as one JSON object. Never fails (all strings are valid UTF-8).
std::string DocumentToJson(const Document& doc, const JsonOptions& options = {});

// Appends one PLOVER-style JSON line per event of `doc` to `out`: id, date,
// actor, recipient (codes), event, mode, context, event_text, anchor, …
void AppendPloverJsonl(const Document& doc, std::string* out);

// Appends one Phoenix-style TSV line per event: id, date, source (actor
// code), target (recipient code), CAMEO code, root code, quad class,
// PLOVER type, negated, attributed. Compound actors give one line per pair.
void AppendCameoTsv(const Document& doc, std::string* out);

// Appends one JSON line per sentence of `doc` to `out`: the sentence's span and
// text and its tokens with their segments. `base` is added to every code point
// offset (for documents that are chunks of a larger input).
void AppendSentencesJsonl(const Document& doc, uint64_t base, std::string* out);

}  // namespace rasd

#endif  // RASD_JSON_DOCUMENT_JSON_H_
