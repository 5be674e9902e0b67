// Tokens and offsets through the whole text layer (Engine::Analyze, text only).
#include <gtest/gtest.h>

#include "rasd/engine.h"
#include "tokenize/tokenizer.h"

namespace rasd {
namespace {

const Engine& TheEngine() {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  return *engine;
}

Document Analyze(std::string_view text) {
  AnalyzeOptions o;
  o.text_only = true;
  return TheEngine().Analyze(text, o);
}

std::vector<std::string> Tokens(const Document& d) {
  std::vector<std::string> out;
  for (const Token& t : d.tokens) out.emplace_back(d.Text(t.span));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, SplitsWordsNumbersPunctuationAndSpecialTokens) {
  struct Case {
    const char* name;
    const char* input;
    V expected;
  };
  const Case cases[] = {
      {"arabic_punctuation", "قال، ثم؛ لماذا؟", {"قال", "،", "ثم", "؛", "لماذا", "؟"}},
      {"decimal_and_date", "نما 1.5% في 11/11/2024", {"نما", "1.5", "%", "في", "11/11/2024"}},
      {"thousands_and_time", "1,000 عند 10:30.", {"1,000", "عند", "10:30", "."}},
      {"arabic_indic_digits_one_token", "١١ تشرين ٢٠٢٤", {"١١", "تشرين", "٢٠٢٤"}},
      {"arabic_decimal_separator", "٣٫٥", {"٣٫٥"}},
      {"diacritics_stay_in_token", "وَقَالَ", {"وَقَالَ"}},
      {"tatweel_stays_in_token", "مـــصر", {"مـــصر"}},
      {"quotes_and_guillemets", "«السلام» \"نعم\"", {"«", "السلام", "»", "\"", "نعم", "\""}},
      {"latin_words", "UN Security Council", {"UN", "Security", "Council"}},
      {"url_gives_back_final_stop", "انظر https://example.org/a?b=1.", {"انظر", "https://example.org/a?b=1", "."}},
      {"www_url", "www.example.org،", {"www.example.org", "،"}},
      {"email", "راسلونا info@example.org اليوم", {"راسلونا", "info@example.org", "اليوم"}},
      // An Arabic hashtag reads as its words (#X_Y as "X Y"): the mark, then the words.
      {"hashtag_with_underscore", "#عاصي_الحلاني رائع", {"#", "عاصي", "الحلاني", "رائع"}},
      {"latin_hashtag_whole", "#Gaza_now", {"#Gaza_now"}},
      {"mention", "@rasd_news قال", {"@rasd_news", "قال"}},
      {"ellipsis_run", "ثم...", {"ثم", "..."}},
      {"hyphenated_words_split", "الفلسطيني-الإسرائيلي", {"الفلسطيني", "-", "الإسرائيلي"}},
      {"digit_after_article", "ال3", {"ال", "3"}},
      {"empty", "", {}},
      {"only_spaces", " \n\t ", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Tokens(Analyze(c.input)), c.expected) << c.name;
}

TEST(TokenizerTest, KindsAreReported) {
  Document d = Analyze("قال 12 UN ، https://a.org x@y.org #وسم @u % 中文");
  std::vector<TokenKind> kinds;
  for (const Token& t : d.tokens) kinds.push_back(t.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::kWord, TokenKind::kNumber, TokenKind::kLatin,
                                           TokenKind::kPunctuation, TokenKind::kUrl, TokenKind::kEmail,
                                           TokenKind::kHashtag, TokenKind::kWord, TokenKind::kMention, TokenKind::kSymbol,
                                           TokenKind::kOther}));
}

TEST(TokenizerTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "\xEF\xBB\xBFوَقَالَ  الرئيسُ: «نعم»";
  Document d = Analyze(text);
  ASSERT_EQ(d.text, text);
  ASSERT_GE(d.tokens.size(), 3u);
  EXPECT_EQ(d.Text(d.tokens[0].span), "وَقَالَ");
  EXPECT_EQ(d.Norm(d.tokens[0].norm), "وقال");
  EXPECT_EQ(d.Text(d.tokens[1].span), "الرئيسُ");
  uint32_t prev_end = 0;
  for (const Token& t : d.tokens) {
    EXPECT_GE(t.span.begin, prev_end);
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, text.size());
    prev_end = t.span.end;
    // Segments tile their token.
    ASSERT_GE(t.segment_count, 1u);
    EXPECT_EQ(d.segments[t.first_segment].span.begin, t.span.begin);
    EXPECT_EQ(d.segments[t.first_segment + t.segment_count - 1].span.end, t.span.end);
  }
}

TEST(TokenizerTest, InvalidUtf8IsRepairedWithAWarning) {
  Document d = Analyze("قال\xFF" "ثم");
  EXPECT_EQ(d.text, "قال\xEF\xBF\xBDثم");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("U+FFFD"), std::string::npos);
}

TEST(TokenizerTest, FoldForMatchingKeepsLengthAndMatchesNormalizeKey) {
  const std::string light = "أإآٱ على دولة الأردن";
  std::string folded = internal::FoldForMatching(light);
  EXPECT_EQ(folded.size(), light.size());
  EXPECT_EQ(folded, NormalizeKey(light));
}

// rasd query --text builds a text-layer-only engine: its tokens and segments
// must be the full engine's, or query stems would not match the index.
TEST(TokenizerTest, TextLayerOnlyEngineGivesTheSameTextLayer) {
  EngineOptions options;
  options.text_layer_only = true;
  auto light = Engine::Create(options);
  ASSERT_TRUE(light.ok()) << light.status().ToString();
  const char* text = "وقال الرئيس الفلسطيني محمود عباس للصحفيين في رام الله، إن حكومته بالنسبة لهم 2024.";
  Document a = (*light)->Analyze(text);  // stops after the text layer without being asked
  Document b = Analyze(text);
  EXPECT_TRUE(a.entities.empty());
  EXPECT_TRUE(a.events.empty());
  EXPECT_EQ(a.folded, b.folded);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  ASSERT_EQ(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].span.begin, b.tokens[i].span.begin);
    EXPECT_EQ(a.tokens[i].span.end, b.tokens[i].span.end);
    EXPECT_EQ(a.tokens[i].segment_count, b.tokens[i].segment_count);
  }
  for (size_t i = 0; i < a.segments.size(); ++i) {
    EXPECT_EQ(a.segments[i].norm.begin, b.segments[i].norm.begin);
    EXPECT_EQ(a.segments[i].norm.end, b.segments[i].norm.end);
  }
  EXPECT_GT(a.segments.size(), a.tokens.size());  // و+قال، ل+ل+صحفيين … were split
}

}  // namespace
}  // namespace rasd
