// Throughput of each text-layer stage over real news text, in bytes of the
// ORIGINAL article text per second (SetBytesProcessed), so every row's MB/s
// compares directly, including the Snowball Arabic stemmer run as a peer over
// the same word tokens.
//
//   ./build-bench/bench/text_bench                       # all stages
//   ./build-bench/bench/text_bench --benchmark_filter=TextLayer
//
// Input: the `text` fields of RASD_SHARED_DIR/corpus/ant_multisource.jsonl,
// in file order, up to RASD_BENCH_MB megabytes (default 20). RASD_BENCH_CORPUS
// overrides the file. Without the file every benchmark is skipped with a
// message.
#include <benchmark/benchmark.h>
#include <libstemmer.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_data.h"
#include "rasd/engine.h"
#include "rasd/normalize.h"
#include "tokenize/clitics.h"
#include "tokenize/tokenizer.h"

#ifndef RASD_SHARED_DIR
#define RASD_SHARED_DIR "../shared"
#endif

namespace {

struct Corpus {
  std::string path;
  std::string error;  // non-empty: benchmarks skip with it
  std::vector<std::string> articles;
  int64_t bytes = 0;
};

const Corpus& TheCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const char* env = std::getenv("RASD_BENCH_CORPUS");
    c->path = env != nullptr ? env : RASD_SHARED_DIR "/corpus/ant_multisource.jsonl";
    const char* mb_env = std::getenv("RASD_BENCH_MB");
    const int64_t limit = (mb_env != nullptr ? std::atoll(mb_env) : 20) << 20;
    std::ifstream in(c->path);
    if (!in) {
      c->error = "corpus not found: " + c->path + " (set RASD_BENCH_CORPUS or put ../shared beside the repo)";
      return c;
    }
    std::string line;
    while (c->bytes < limit && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
      std::string text = j["text"].get<std::string>();
      if (text.empty()) continue;
      c->bytes += static_cast<int64_t>(text.size());
      c->articles.push_back(std::move(text));
    }
    if (c->articles.empty()) c->error = "no `text` fields in " + c->path;
    return c;
  }();
  return *corpus;
}

const rasd::Engine& TheEngine() {
  static const rasd::Engine* engine = [] {
    auto e = rasd::Engine::Create();
    if (!e.ok()) {
      std::fprintf(stderr, "text_bench: %s\n", e.status().ToString().c_str());
      std::abort();
    }
    return std::move(e).value().release();
  }();
  return *engine;
}

// Common preamble: skip without a corpus, else label the run.
bool Ready(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return false;
  }
  return true;
}

void Finish(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.articles.size()));  // articles/s
  state.counters["corpus_MB"] = static_cast<double>(c.bytes) / (1 << 20);
}

// Normalize with the default options (with the alignment, as Analyze uses it).
void BM_Normalize(benchmark::State& state) {
  if (!Ready(state)) return;
  for (auto _ : state) {
    for (const std::string& a : TheCorpus().articles) {
      rasd::NormalizedText n = rasd::Normalize(a);
      benchmark::DoNotOptimize(n.text.data());
    }
  }
  Finish(state);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// Normalize (segmenter options, as the engine does) + the matching fold.
void BM_NormalizeFold(benchmark::State& state) {
  if (!Ready(state)) return;
  const rasd::NormalizeOptions options = rasd::internal::SegmenterNormalizeOptions();
  for (auto _ : state) {
    for (const std::string& a : TheCorpus().articles) {
      rasd::NormalizedText n = rasd::Normalize(a, options);
      std::string folded = rasd::internal::FoldForMatching(n.text);
      benchmark::DoNotOptimize(folded.data());
    }
  }
  Finish(state);
}
BENCHMARK(BM_NormalizeFold)->Unit(benchmark::kMillisecond);

// Documents normalised once, for the stages that start from norm.
std::vector<rasd::Document> Prenormalized() {
  std::vector<rasd::Document> docs;
  const rasd::NormalizeOptions options = rasd::internal::SegmenterNormalizeOptions();
  for (const std::string& a : TheCorpus().articles) {
    rasd::Document d;
    d.text = a;
    rasd::NormalizedText n = rasd::Normalize(a, options);
    d.norm = std::move(n.text);
    d.norm_to_text = std::move(n.to_orig);
    d.folded = rasd::internal::FoldForMatching(d.norm);
    docs.push_back(std::move(d));
  }
  return docs;
}

// The tokenizer alone: no clitic segmenter (every word one segment).
void BM_Tokenize(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<rasd::Document> docs = Prenormalized();
  for (auto _ : state) {
    for (rasd::Document& d : docs) {
      rasd::internal::Tokenize(nullptr, &d);
      benchmark::DoNotOptimize(d.tokens.data());
    }
  }
  Finish(state);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Tokenizer + clitic segmenter (the built-in vocabulary), no normalisation.
void BM_TokenizeSegment(benchmark::State& state) {
  if (!Ready(state)) return;
  auto seg = rasd::internal::CliticSegmenter::Create(rasd::internal::BuiltinSegmenterVocabulary());
  if (!seg.ok()) {
    state.SkipWithError(seg.status().ToString().c_str());
    return;
  }
  std::vector<rasd::Document> docs = Prenormalized();
  for (auto _ : state) {
    for (rasd::Document& d : docs) {
      rasd::internal::Tokenize(&*seg, &d);
      benchmark::DoNotOptimize(d.segments.data());
    }
  }
  Finish(state);
}
BENCHMARK(BM_TokenizeSegment)->Unit(benchmark::kMillisecond);

// The whole text layer: repair, normalise, fold, tokens, segments, sentences.
void BM_TextLayer(benchmark::State& state) {
  if (!Ready(state)) return;
  const rasd::Engine& engine = TheEngine();
  rasd::AnalyzeOptions options;
  options.text_only = true;
  for (auto _ : state) {
    for (const std::string& a : TheCorpus().articles) {
      rasd::Document d = engine.Analyze(a, options);
      benchmark::DoNotOptimize(d.sentences.data());
    }
  }
  Finish(state);
}
BENCHMARK(BM_TextLayer)->Unit(benchmark::kMillisecond);

// Peer: the Snowball Arabic stemmer over the word tokens of the same text
// (the rasd tokenizer's kWord tokens, original spelling); bytes reported are
// the whole articles' bytes, as above.
void BM_SnowballArabic(benchmark::State& state) {
  if (!Ready(state)) return;
  std::vector<std::string> words;
  {
    const rasd::Engine& engine = TheEngine();
    rasd::AnalyzeOptions options;
    options.text_only = true;
    for (const std::string& a : TheCorpus().articles) {
      rasd::Document d = engine.Analyze(a, options);
      for (const rasd::Token& t : d.tokens) {
        if (t.kind == rasd::TokenKind::kWord) words.emplace_back(d.Text(t.span));
      }
    }
  }
  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(sb_stemmer_new("arabic", "UTF_8"), sb_stemmer_delete);
  if (!stemmer) {
    state.SkipWithError("sb_stemmer_new(\"arabic\", \"UTF_8\") failed");
    return;
  }
  for (auto _ : state) {
    int64_t out = 0;
    for (const std::string& w : words) {
      const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                           static_cast<int>(w.size()));
      benchmark::DoNotOptimize(s);
      out += sb_stemmer_length(stemmer.get());
    }
    benchmark::DoNotOptimize(out);
  }
  Finish(state);
  state.counters["words"] = static_cast<double>(words.size());
}
BENCHMARK(BM_SnowballArabic)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
