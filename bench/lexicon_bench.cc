// Lexicon matching throughput over real news text (../shared/corpus): the
// matcher alone on analysed documents, and text layer + matching together.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/builtin_data.h"
#include "lexicon/lexicon.h"
#include "rasd/engine.h"

namespace {

struct Docs {
  std::vector<std::string> texts;
  std::vector<rasd::Document> analysed;
  int64_t bytes = 0;
};

const rasd::Engine& TheEngine() {
  static const std::unique_ptr<rasd::Engine> engine = std::move(rasd::Engine::Create().value());
  return *engine;
}

// The first ~10 MB of article texts of ant_multisource.jsonl, analysed once.
const Docs* TheDocs() {
  static const Docs* docs = [] {
    auto* d = new Docs;
    std::ifstream in(RASD_SHARED_DIR "/corpus/ant_multisource.jsonl");
    rasd::AnalyzeOptions text_only;
    text_only.text_only = true;
    for (std::string line; d->bytes < (10 << 20) && std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      d->texts.push_back(j["text"].get<std::string>());
      d->analysed.push_back(TheEngine().Analyze(d->texts.back(), text_only));
      d->bytes += static_cast<int64_t>(d->texts.back().size());
    }
    return d;
  }();
  return docs;
}

void BM_LexiconMatch(benchmark::State& state) {
  const Docs* d = TheDocs();
  if (d->texts.empty()) {
    state.SkipWithError("../shared/corpus/ant_multisource.jsonl not found");
    return;
  }
  auto lex = rasd::internal::Lexicon::FromBlob(rasd::internal::BuiltinLexiconBlob());
  size_t matches = 0;
  for (auto _ : state) {
    for (const rasd::Document& doc : d->analysed) matches += lex->Match(doc).size();
  }
  benchmark::DoNotOptimize(matches);
  state.SetBytesProcessed(state.iterations() * d->bytes);
  state.counters["matches_per_article"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations() * d->analysed.size());
}
BENCHMARK(BM_LexiconMatch)->Unit(benchmark::kMillisecond);

void BM_TextLayerPlusLexicon(benchmark::State& state) {
  const Docs* d = TheDocs();
  if (d->texts.empty()) {
    state.SkipWithError("../shared/corpus/ant_multisource.jsonl not found");
    return;
  }
  rasd::AnalyzeOptions text_only;
  text_only.text_only = true;
  size_t hits = 0;
  for (auto _ : state) {
    for (const std::string& t : d->texts) hits += TheEngine().LookupLexicon(t).size();
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(state.iterations() * d->bytes);
}
BENCHMARK(BM_TextLayerPlusLexicon)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
