// NER tagger throughput on ANERcorp dev (../shared/data/anercorp/dev.txt):
//   BM_NerTag               PerceptronTagger::Tag alone (lexicon cues precomputed),
//   BM_NerTagWithCues       lexicon cues (text layer + lexicon matching), history
//                           cues and Tag per sentence (what `rasd ner --conll` does).
// Items are tokens: items_per_second is tokens per second on one core.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "ner/conll.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"
#include "ner/perceptron_tagger.h"

namespace {

using rasd::internal::PerceptronTagger;

struct Setup {
  PerceptronTagger tagger;
  std::optional<rasd::internal::NerLexiconCuer> cuer;
  std::vector<std::vector<std::string>> sentences;
  std::vector<std::vector<std::vector<std::string>>> cues;
  int64_t tokens = 0;
};

// What `rasd ner --conll` computes per sentence before tagging: lexicon cues
// (text layer + lexicon matching) and the prediction-history cues.
void Cues(const Setup& s, const std::vector<std::string>& tokens, const rasd::internal::NerHistory& history,
          std::vector<std::vector<std::string>>* cues) {
  cues->clear();
  if (s.tagger.uses_lexicon_cues()) s.cuer->Compute(tokens, cues);
  if (s.tagger.uses_history()) history.AddCues(tokens, cues);
}

const Setup* TheSetup() {
  static const Setup* setup = [] {
    auto* s = new Setup;
    s->tagger = std::move(PerceptronTagger::Load(rasd::internal::BuiltinNerModel()).value());
    s->cuer.emplace(std::move(rasd::internal::NerLexiconCuer::Create(rasd::internal::BuiltinSegmenterVocabulary(),
                                                                      rasd::internal::BuiltinSegmenterGuard(),
                                                                      rasd::internal::BuiltinLexiconBlob())
                                     .value()));
    auto dev = rasd::internal::ReadConllFile(RASD_SHARED_DIR "/data/anercorp/dev.txt", /*with_tags=*/true);
    if (dev.ok()) {
      for (auto& sent : *dev) {
        s->tokens += static_cast<int64_t>(sent.tokens.size());
        s->sentences.push_back(std::move(sent.tokens));
      }
    }
    // Cues precomputed as the tagger would see them in one pass over dev.
    s->cues.resize(s->sentences.size());
    rasd::internal::NerHistory history;
    std::vector<uint8_t> tags;
    for (size_t i = 0; i < s->sentences.size(); ++i) {
      Cues(*s, s->sentences[i], history, &s->cues[i]);
      s->tagger.Tag(std::span<const std::string>(s->sentences[i]), s->cues[i], &tags);
      history.Update(s->sentences[i], tags);
    }
    return s;
  }();
  return setup;
}

void BM_NerTag(benchmark::State& state) {
  const Setup& s = *TheSetup();
  if (s.sentences.empty()) {
    state.SkipWithError("ANERcorp dev not found");
    return;
  }
  std::vector<uint8_t> tags;
  for (auto _ : state) {
    for (size_t i = 0; i < s.sentences.size(); ++i) {
      s.tagger.Tag(std::span<const std::string>(s.sentences[i]), s.cues[i], &tags);
      benchmark::DoNotOptimize(tags.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * s.tokens);
}
BENCHMARK(BM_NerTag)->Unit(benchmark::kMillisecond);

void BM_NerTagWithCues(benchmark::State& state) {
  const Setup& s = *TheSetup();
  if (s.sentences.empty()) {
    state.SkipWithError("ANERcorp dev not found");
    return;
  }
  std::vector<uint8_t> tags;
  std::vector<std::vector<std::string>> cues;
  for (auto _ : state) {
    rasd::internal::NerHistory history;
    for (const auto& sent : s.sentences) {
      Cues(s, sent, history, &cues);
      s.tagger.Tag(std::span<const std::string>(sent), cues, &tags);
      if (s.tagger.uses_history()) history.Update(sent, tags);
      benchmark::DoNotOptimize(tags.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * s.tokens);
}
BENCHMARK(BM_NerTagWithCues)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
