// Tests of the NER perceptron tagger and the CoNLL reader: training on a tiny
// hand-written corpus, save/load round trips, corrupt models, determinism.
#include "ner/perceptron_tagger.h"

#include <gtest/gtest.h>

#include <deque>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "ner/conll.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"

namespace rasd::internal {
namespace {

// A tiny corpus: "said President X Y in CITY" patterns (قال الرئيس … في …).
constexpr char kCorpus[] =
    "قال O\nالرئيس O\nمحمد B-PERS\nمرسي I-PERS\nفي O\nالقاهرة B-LOC\n. O\n\n"
    "زار O\nالوزير O\nأحمد B-PERS\nعلي I-PERS\nمدينة O\nدمشق B-LOC\n. O\n\n"
    "أعلنت O\nمنظمة B-ORG\nالصحة I-ORG\nالعالمية I-ORG\nفي O\nجنيف B-LOC\n. O\n\n"
    "قال O\nالوزير O\nمحمد B-PERS\nعلي I-PERS\nفي O\nدمشق B-LOC\n. O\n\n"
    "شارك O\nمنتخب O\nالبرازيل B-LOC\nفي O\nكأس B-MISC\nالعالم I-MISC\n. O\n";

std::vector<NerExample> Examples() {
  auto sents = ParseConll(kCorpus, /*with_tags=*/true);
  EXPECT_TRUE(sents.ok()) << sents.status().ToString();
  std::vector<NerExample> out;
  for (const ConllSentence& s : *sents) {
    NerExample ex;
    ex.tokens = s.tokens;
    for (const std::string& t : s.tags) {
      int tag = NerTagFromName(t);
      EXPECT_GE(tag, 0) << t;
      ex.tags.push_back(static_cast<uint8_t>(tag));
    }
    out.push_back(std::move(ex));
  }
  return out;
}

NerTrainOptions TinyOptions() {
  NerTrainOptions o;
  o.epochs = 10;
  o.rare_threshold = 0;
  o.word_counts_tsv = "# counts\nword\tcount\nالقاهرة\t100\nقاهرة\t2\n";
  o.cues_tsv = "# cues\nsurface\tcue\tsource\nالرئيس\tTITLE\tusage\nالوزير\tTITLE\tusage\n";
  return o;
}

std::vector<std::vector<uint8_t>> TagAll(const PerceptronTagger& m, const std::vector<NerExample>& data) {
  std::vector<std::vector<uint8_t>> out;
  for (const NerExample& ex : data) {
    std::vector<uint8_t> tags;
    m.Tag(std::span<const std::string>(ex.tokens), {}, &tags);
    out.push_back(tags);
  }
  return out;
}

TEST(NerTagNames, RoundTrip) {
  for (int t = 0; t < kNerTagCount; ++t) EXPECT_EQ(NerTagFromName(NerTagName(t)), t);
  EXPECT_EQ(NerTagFromName("B-FOO"), -1);
  EXPECT_EQ(NerTagName(99), "O");
}

TEST(Conll, ParsesTaggedAndPlainInput) {
  auto s = ParseConll("a O\nb\tB-LOC\r\n\n\n c  x  I-LOC \n", true);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].tokens, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*s)[0].tags, (std::vector<std::string>{"O", "B-LOC"}));
  EXPECT_EQ((*s)[1].tags, (std::vector<std::string>{"I-LOC"}));
  EXPECT_FALSE(ParseConll("a\n", true).ok());
  auto plain = ParseConll("a\nb\n", false);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)[0].tokens.size(), 2u);
  EXPECT_FALSE(ParseConll("a\xff O\n", true).ok());
  std::string out;
  AppendConllSentence({"x", "y"}, {"O", "B-PERS"}, &out);
  EXPECT_EQ(out, "x O\ny B-PERS\n\n");
}

TEST(Conll, ScoresLikeScorePy) {
  std::vector<std::vector<std::string>> gold{{"B-PERS", "I-PERS", "O", "B-LOC"}};
  std::vector<std::vector<std::string>> pred{{"B-PERS", "I-PERS", "O", "B-ORG"}};
  auto scores = ScoreNer(gold, pred);
  ASSERT_EQ(scores.back().type, "ALL");
  EXPECT_EQ(scores.back().gold, 2);
  EXPECT_EQ(scores.back().pred, 2);
  EXPECT_EQ(scores.back().correct, 1);
  EXPECT_DOUBLE_EQ(scores.back().F1(), 0.5);
}

TEST(PerceptronTagger, EmptyModelTagsO) {
  PerceptronTagger m;
  std::vector<std::string> tokens{"محمد", "في", "دمشق"};
  std::vector<uint8_t> tags;
  m.Tag(std::span<const std::string>(tokens), {}, &tags);
  EXPECT_EQ(tags, (std::vector<uint8_t>{0, 0, 0}));
  auto loaded = PerceptronTagger::Load(m.Serialize());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
}

TEST(PerceptronTagger, LearnsTinyCorpus) {
  const auto data = Examples();
  auto m = PerceptronTagger::Train(data, TinyOptions());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto tagged = TagAll(*m, data);
  for (size_t s = 0; s < data.size(); ++s) EXPECT_EQ(tagged[s], data[s].tags) << "sentence " << s;
  // Empty sentence and caller-supplied cues.
  std::vector<uint8_t> tags{1, 2};
  m->Tag(std::span<const std::string>(), {}, &tags);
  EXPECT_TRUE(tags.empty());
  std::vector<std::string> tokens{"قال", "الرئيس", "محمد"};
  std::vector<std::vector<std::string>> cues{{}, {"TITLE"}, {"GAZ:person"}};
  m->Tag(std::span<const std::string>(tokens), cues, &tags);
  EXPECT_EQ(tags.size(), 3u);
}

TEST(PerceptronTagger, OutputRespectsBio) {
  auto m = PerceptronTagger::Train(Examples(), TinyOptions());
  ASSERT_TRUE(m.ok());
  std::vector<std::string> tokens{"علي", "العالمية", "الصحة", "مرسي", "x", "الرئيس", "1", "?"};
  std::vector<uint8_t> tags;
  m->Tag(std::span<const std::string>(tokens), {}, &tags);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] != 0 && tags[i] % 2 == 0) {  // I-X
      ASSERT_GT(i, 0u);
      EXPECT_TRUE(tags[i - 1] == tags[i] || tags[i - 1] == tags[i] - 1);
    }
  }
}

TEST(PerceptronTagger, SaveLoadRoundTrip) {
  const auto data = Examples();
  auto m = PerceptronTagger::Train(data, TinyOptions());
  ASSERT_TRUE(m.ok());
  const std::string bytes = m->Serialize();
  ASSERT_EQ(bytes.substr(0, 8), std::string("RASDNER\0", 8));
  auto loaded = PerceptronTagger::Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(TagAll(*loaded, data), TagAll(*m, data));
  EXPECT_EQ(loaded->Serialize(), bytes);
  EXPECT_EQ(loaded->row_count(), m->row_count());
}

TEST(PerceptronTagger, CorruptModelsAreErrors) {
  auto m = PerceptronTagger::Train(Examples(), TinyOptions());
  ASSERT_TRUE(m.ok());
  const std::string bytes = m->Serialize();
  EXPECT_FALSE(PerceptronTagger::Load("").ok());
  EXPECT_FALSE(PerceptronTagger::Load("RASDNER").ok());
  EXPECT_FALSE(PerceptronTagger::Load(std::string(100, '\0')).ok());
  // Every truncation fails cleanly.
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 16) {
    EXPECT_FALSE(PerceptronTagger::Load(bytes.substr(0, n)).ok()) << n;
  }
  // Flipped bytes anywhere (magic, version, counts, weights, checksum).
  for (size_t at : {size_t{0}, size_t{9}, size_t{13}, size_t{17}, size_t{21}, bytes.size() / 2, bytes.size() - 1}) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    auto loaded = PerceptronTagger::Load(bad);
    EXPECT_FALSE(loaded.ok()) << at;
  }
  // A huge row count must not allocate or read out of bounds.
  std::string huge = bytes;
  for (int k = 0; k < 8; ++k) huge[24 + k] = '\xff';  // after magic, versions, tag count, flags
  auto loaded = PerceptronTagger::Load(huge);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kDataLoss);
  // Bad training input.
  std::vector<NerExample> bad(1);
  bad[0].tokens = {"a", "b"};
  bad[0].tags = {0};
  EXPECT_FALSE(PerceptronTagger::Train(bad, TinyOptions()).ok());
}

TEST(PerceptronTagger, WordClassesAndFlagsAreStored) {
  NerTrainOptions o = TinyOptions();
  o.word_classes_tsv = "# classes\nمحمد\t5\t2\t1\nأحمد\t5\t2\t1\nدمشق\t9\t3\t0\n";
  o.lexicon_cues = true;
  const auto data = Examples();
  auto m = PerceptronTagger::Train(data, o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_TRUE(m->uses_lexicon_cues());
  auto loaded = PerceptronTagger::Load(m->Serialize());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->uses_lexicon_cues());
  EXPECT_EQ(loaded->Serialize(), m->Serialize());
  EXPECT_EQ(TagAll(*loaded, data), TagAll(*m, data));
  NerTrainOptions bad = o;
  bad.word_classes_tsv = "سمير\t5\t2\n";
  EXPECT_FALSE(PerceptronTagger::Train(data, bad).ok());
  bad.word_classes_tsv = "سمير\t5\t2\t1024\n";
  EXPECT_FALSE(PerceptronTagger::Train(data, bad).ok());
  auto plain = PerceptronTagger::Train(data, TinyOptions());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->uses_lexicon_cues());
}

TEST(PerceptronTagger, ProfilesPenaltyAndContextOnly) {
  const auto data = Examples();
  NerTrainOptions o = TinyOptions();
  o.profile_tsv = "# profiles\nمحمد\t1\t20\t0\t0\t0\nدمشق\t2\t0\t30\t1\t0\n";
  o.o_penalty = 2.5;
  auto m = PerceptronTagger::Train(data, o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto loaded = PerceptronTagger::Load(m->Serialize());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Serialize(), m->Serialize());
  EXPECT_EQ(TagAll(*loaded, data), TagAll(*m, data));
  NerTrainOptions bad = o;
  bad.profile_tsv = "محمد\t1\t20\t0\n";
  EXPECT_FALSE(PerceptronTagger::Train(data, bad).ok());
  // A context-only model still trains, loads and tags every token.
  NerTrainOptions ctx = TinyOptions();
  ctx.context_only = true;
  auto c = PerceptronTagger::Train(data, ctx);
  ASSERT_TRUE(c.ok());
  auto c2 = PerceptronTagger::Load(c->Serialize());
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(TagAll(*c2, data), TagAll(*c, data));
}

TEST(NerHistory, CuesFromEarlierSentences) {
  NerHistory h(/*window=*/100);
  const std::vector<std::string> first = {"قال", "المالكي", "اليوم"};
  const std::vector<uint8_t> tags = {kNerO, kNerBPers, kNerO};
  std::vector<std::vector<std::string>> cues;
  h.AddCues(first, &cues);
  ASSERT_EQ(cues.size(), 3u);
  EXPECT_TRUE(cues[1].empty());
  h.Update(first, tags);
  const std::vector<std::string> next = {"وأكد", "والمالكي", "."};
  cues.clear();
  h.AddCues(next, &cues);
  EXPECT_EQ(cues[1], (std::vector<std::string>{"HIST=PERS", "HIST=PERS:all"}));  // و+ال stripped
  EXPECT_TRUE(cues[0].empty());
  EXPECT_TRUE(cues[2].empty());
  EXPECT_EQ(NerHistoryKey("."), 0u);
  // The batch form gives the same keys, long tokens (past the memo) included.
  const std::vector<std::string_view> batch = {"والمالكي", ".", "المالكي", "واستراتيجياتهمالطويلةجدا", "قال"};
  std::vector<uint64_t> keys = {42};  // appended after what is there
  AppendNerHistoryKeys(batch, &keys);
  ASSERT_EQ(keys.size(), batch.size() + 1);
  EXPECT_EQ(keys[0], 42u);
  for (size_t i = 0; i < batch.size(); ++i) EXPECT_EQ(keys[i + 1], NerHistoryKey(batch[i])) << i;
  EXPECT_EQ(keys[1], keys[3]);  // و+ال stripped
  // The window forgets.
  NerHistory small(/*window=*/1);
  small.Update(first, tags);
  cues.clear();
  small.AddCues(next, &cues);
  EXPECT_TRUE(cues[1].empty());
}

// The history's table forgets words as they leave the window (deletion in
// an open-addressing table): its cues must match a plain count of the window.
TEST(NerHistory, SlidingWindowMatchesAPlainCount) {
  const size_t window = 37;
  NerHistory h(window);
  std::deque<std::pair<std::string, int>> plain;  // the window: word, type
  uint32_t rng = 12345;
  auto next = [&] { return rng = rng * 1103515245u + 12345u, (rng >> 16) & 0x7FFF; };
  // Few distinct words, so they come back while others leave.
  std::vector<std::string> vocab;
  for (int k = 0; k < 60; ++k) {
    vocab.push_back("كلمة" + std::string(1, static_cast<char>('a' + k % 26)) + std::string(1, static_cast<char>('a' + k / 26)));
  }
  for (int sentence = 0; sentence < 400; ++sentence) {
    std::vector<std::string> words;
    std::vector<uint8_t> tags;
    for (uint32_t k = 0, n = 1 + next() % 9; k < n; ++k) {
      words.push_back(vocab[next() % vocab.size()]);
      tags.push_back(static_cast<uint8_t>(next() % 9));
    }
    std::vector<std::vector<std::string>> cues;
    h.AddCues(words, &cues);
    for (size_t i = 0; i < words.size(); ++i) {
      uint32_t by_type[5] = {0, 0, 0, 0, 0}, total = 0;
      for (const auto& [w, type] : plain) {
        if (NerHistoryKey(w) != 0 && NerHistoryKey(w) == NerHistoryKey(words[i])) ++by_type[type], ++total;
      }
      std::vector<std::string> expected;
      const char* names[5] = {"O", "PERS", "LOC", "ORG", "MISC"};
      for (int t = 1; t < 5; ++t) {
        if (by_type[t] == 0) continue;
        expected.push_back(std::string("HIST=") + names[t]);
        if (by_type[t] == total) expected.push_back(std::string("HIST=") + names[t] + ":all");
        else if (2 * by_type[t] > total) expected.push_back(std::string("HIST=") + names[t] + ":most");
      }
      ASSERT_EQ(cues[i], expected) << "sentence " << sentence << " word " << i;
    }
    h.Update(words, tags);
    for (size_t i = 0; i < words.size(); ++i) plain.emplace_back(words[i], (tags[i] + 1) / 2);
    while (plain.size() > window) plain.pop_front();
  }
}

TEST(LexiconCues, RolesPlacesAndWindow) {
  auto cuer = NerLexiconCuer::Create(BuiltinSegmenterVocabulary(), BuiltinSegmenterGuard(), BuiltinLexiconBlob());
  ASSERT_TRUE(cuer.ok()) << cuer.status().ToString();
  const std::vector<std::string> tokens = {"قال", "وزير", "الخارجية", "برنار", "كوشنر", "في", "باريس", "."};
  std::vector<std::vector<std::string>> cues;
  cuer->Compute(tokens, &cues);
  ASSERT_EQ(cues.size(), tokens.size());
  auto has = [&](size_t i, const std::string& cue) {
    return std::find(cues[i].begin(), cues[i].end(), cue) != cues[i].end();
  };
  EXPECT_TRUE(has(1, "LEX=role:B"));
  EXPECT_TRUE(has(3, "LEX=after:role"));
  EXPECT_TRUE(has(6, "LEX=place:B"));
  EXPECT_TRUE(cues[7].empty());
  // Spans that the text layer splits further (punctuation inside a token).
  std::vector<Span> spans;
  EXPECT_EQ(JoinNerTokens(tokens, &spans).substr(spans[6].begin, spans[6].size()), "باريس");
}

TEST(PerceptronTagger, TrainingIsDeterministic) {
  const auto data = Examples();
  auto a = PerceptronTagger::Train(data, TinyOptions());
  auto b = PerceptronTagger::Train(data, TinyOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Serialize(), b->Serialize());
}

}  // namespace
}  // namespace rasd::internal
