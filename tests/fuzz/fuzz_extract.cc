// libFuzzer target over the whole extraction pipeline on arbitrary bytes:
// Engine::Analyze (normaliser, tokenizer, NER, entities, dates, events) and
// every output writer (document JSON with tokens, PLOVER JSONL, CAMEO TSV).
// The first byte picks the options (a document date, text_only, tokens).
// Properties: the JSON outputs parse; spans lie inside the text.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "json/document_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  rasd::AnalyzeOptions options;
  options.id = "fuzz";
  if (mode & 1) options.date = (mode & 2) ? "2024-02-29" : "1999-12-31";
  options.text_only = (mode & 4) != 0;
  const rasd::Document doc = FuzzEngine().Analyze(text, options);
  for (const rasd::Entity& e : doc.entities) FUZZ_CHECK(e.span.begin <= e.span.end && e.span.end <= doc.text.size());
  for (const rasd::Event& ev : doc.events) FUZZ_CHECK(ev.anchor.begin <= ev.anchor.end && ev.anchor.end <= doc.text.size());
  rasd::JsonOptions jo;
  jo.tokens = (mode & 8) != 0;
  FUZZ_CHECK(nlohmann::json::accept(rasd::DocumentToJson(doc, jo)));
  std::string plover;
  rasd::AppendPloverJsonl(doc, &plover);
  size_t start = 0;
  while (start < plover.size()) {
    const size_t nl = plover.find('\n', start);
    FUZZ_CHECK(nl != std::string::npos);
    FUZZ_CHECK(nlohmann::json::accept(plover.substr(start, nl - start)));
    start = nl + 1;
  }
  std::string tsv;
  rasd::AppendCameoTsv(doc, &tsv);
  return 0;
}
