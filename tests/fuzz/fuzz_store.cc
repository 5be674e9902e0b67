// libFuzzer target over the store's ingest of arbitrary records: the input
// is read as a JSONL record (else used as the text of one), analysed, put
// into an in-memory rasd::Store, read back and queried, as `rasd ingest` and
// `rasd query` would. Properties: every write succeeds; the stored text and
// metadata read back equal what was put; a second identical put is
// kUnchanged; the full-text query on the article's own words finds it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "json/jsonl_reader.h"
#include "rasd/storage.h"

namespace {

std::unique_ptr<rasd::Store>& TheStore() {
  static std::unique_ptr<rasd::Store> store;
  static int uses = 0;
  if (!store || ++uses % 500 == 0) {  // fresh every 500 inputs: bounded memory
    auto opened = rasd::Store::Open(":memory:");
    FUZZ_CHECK(opened.ok());
    store = std::move(*opened);
  }
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  rasd::DocumentMeta meta;
  std::string text;
  auto record = rasd::ParseArticleLine(in);
  if (record.ok()) {
    meta.id = record->id.empty() ? "fuzz" : record->id;
    meta.date = record->date.substr(0, 10);
    meta.title = record->title;
    meta.source = record->source;
    meta.url = record->url;
    text = record->text;
  } else {
    meta.id = "raw";
    text = std::string(in);
  }
  rasd::AnalyzeOptions options;
  options.id = meta.id;
  options.date = meta.date;
  const rasd::Document doc = FuzzEngine().Analyze(text, options);
  rasd::Store& store = *TheStore();
  auto put = store.Put(meta, doc);
  FUZZ_CHECK(put.ok());
  auto again = store.Put(meta, doc);
  FUZZ_CHECK(again.ok() && *again == rasd::PutResult::kUnchanged);
  auto got = store.Get(meta.id);
  FUZZ_CHECK(got.ok() && got->has_value());
  FUZZ_CHECK((*got)->first.id == meta.id && (*got)->first.date == meta.date && (*got)->first.title == meta.title);
  FUZZ_CHECK((*got)->second.text == doc.text);
  FUZZ_CHECK(static_cast<int64_t>((*got)->second.events.size()) == static_cast<int64_t>(doc.events.size()));
  rasd::EventQuery q;
  q.text_stems = rasd::IndexStems(doc);
  q.limit = 5;
  FUZZ_CHECK(store.QueryEvents(q).ok());
  rasd::EventQuery by_actor;
  by_actor.actor = text.substr(0, 3);
  by_actor.limit = 5;
  FUZZ_CHECK(store.QueryEvents(by_actor).ok());
  return 0;
}
