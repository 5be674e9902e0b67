// Clitic segmenter: table-driven cases over the shipped vocabulary and guard.
// Arabic literals carry their Buckwalter transliteration in a comment.
#include "tokenize/clitics.h"

#include <gtest/gtest.h>

#include "engine/builtin_data.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rasd::internal {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Until the skeleton provides the embedded vocabulary to tests, read the file.
const std::string& Vocabulary() {
  static const std::string* vocab =
      new std::string(ReadFile(RASD_SOURCE_DIR "/data/models/segmenter_vocab.tsv"));
  return *vocab;
}

const std::string& GuardFile() {
  static const std::string* guard =
      new std::string(ReadFile(RASD_SOURCE_DIR "/data/lexicons/segmenter_guard.tsv"));
  return *guard;
}

const CliticSegmenter& Segmenter() {
  static const CliticSegmenter* seg = [] {
    auto s = CliticSegmenter::Create(Vocabulary(), GuardFile());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return new CliticSegmenter(std::move(s).value());
  }();
  return *seg;
}

// "و+قال" for the segments of `word`.
std::string Segmented(const CliticSegmenter& seg, std::string_view word) {
  uint32_t cuts[CliticSegmenter::kMaxCuts];
  const int n = seg.Split(word, cuts);
  std::string out;
  size_t prev = 0;
  for (int k = 0; k < n; ++k) {
    out.append(word.substr(prev, cuts[k] - prev));
    out += '+';
    prev = cuts[k];
  }
  out.append(word.substr(prev));
  return out;
}

struct Case {
  const char* word;
  const char* expected;
};

void ExpectCases(const std::vector<Case>& cases) {
  ASSERT_FALSE(Vocabulary().empty()) << "missing data/models/segmenter_vocab.tsv";
  for (const Case& c : cases) {
    EXPECT_EQ(Segmented(Segmenter(), c.word), c.expected) << c.word;
  }
}

TEST(CliticSegmenterTest, Proclitics) {
  ExpectCases({
      {"وقال", "و+قال"},            // wqAl
      {"فقال", "ف+قال"},            // fqAl
      {"بالنسبة", "ب+النسبة"},      // bAlnsbp
      {"كالعادة", "ك+العادة"},      // kAlEAdp
      {"لأوباما", "ل+أوباما"},      // l>wbAmA
      {"للسلطة", "ل+لسلطة"},        // llslTp: ل + السلطة, alef of the article not written
      {"سيكون", "س+يكون"},          // sykwn
      {"بشكل", "ب+شكل"},            // b$kl
      {"وهو", "و+هو"},              // whw
      {"والذي", "و+الذي"},          // wAl*y
  });
}

TEST(CliticSegmenterTest, Enclitics) {
  ExpectCases({
      {"نشرتها", "نشرت+ها"},        // n$rthA
      {"عليهم", "علي+هم"},          // Elyhm
      {"إليها", "إلي+ها"},          // <lyhA
      {"منهما", "من+هما"},          // mnhmA
      {"لديهن", "لدي+هن"},          // ldyhn
      {"لنا", "ل+نا"},              // lnA
      {"له", "ل+ه"},                // lh
      {"بها", "ب+ها"},              // bhA
      {"منك", "من+ك"},              // mnk
      {"أنني", "أن+ني"},            // >nny
      {"بلادنا", "بلاد+نا"},        // blAdnA
      {"حلفاؤهم", "حلفاؤ+هم"},      // Hlf&hm: stem restored to حلفاء for the look-up
  });
}

TEST(CliticSegmenterTest, TaMarbutaStems) {
  ExpectCases({
      {"حكومته", "حكومت+ه"},        // Hkwmth: حكومة
      {"زوجته", "زوجت+ه"},          // zwjth: زوجة
      {"بسيارته", "ب+سيارت+ه"},     // bsyArth: سيارة
  });
}

TEST(CliticSegmenterTest, Combinations) {
  ExpectCases({
      {"وسيكون", "و+س+يكون"},       // wsykwn
      {"وبالتالي", "و+ب+التالي"},   // wbAltAly
      {"وللحكومة", "و+ل+لحكومة"},   // wllHkwmp
      {"وعليهم", "و+علي+هم"},       // wElyhm
      {"لأنه", "ل+أن+ه"},           // l>nh
      {"وكأنه", "و+كأن+ه"},         // wk>nh
      {"وكتابه", "و+كتاب+ه"},       // wktAbh
      {"وفلسطين", "و+فلسطين"},      // wflsTyn: a guard word still takes و
      {"ممن", "م+من"},              // mmn: من + من assimilated
  });
}

TEST(CliticSegmenterTest, GuardAndLookalikesStayWhole) {
  ExpectCases({
      {"فلسطين", "فلسطين"},          // flsTyn
      {"بيروت", "بيروت"},            // byrwt
      {"ليبيا", "ليبيا"},            // lybyA
      {"كازاخستان", "كازاخستان"},    // kAzAxstAn
      {"وزارة", "وزارة"},            // wzArp
      {"ولاية", "ولاية"},            // wlAyp
      {"بين", "بين"},                // byn
      {"بعد", "بعد"},                // bEd
      {"كان", "كان"},                // kAn
      {"لكن", "لكن"},                // lkn
      {"فقط", "فقط"},                // fqT
      {"كما", "كما"},                // kmA
      {"سنة", "سنة"},                // snp
      {"فرنسا", "فرنسا"},            // frnsA
      {"الله", "الله"},              // Allh: ال-words take no pronoun
      {"اتجاه", "اتجاه"},            // AtjAh
      {"مياه", "مياه"},              // myAh
      {"مهم", "مهم"},                // mhm
      {"فهم", "فهم"},                // fhm
      {"حياتي", "حياتي"},            // HyAty: first person ي only after closed hosts
  });
}

TEST(CliticSegmenterTest, EmptyAndOneLetterWords) {
  ExpectCases({
      {"", ""},
      {"و", "و"},    // w
      {"ب", "ب"},    // b
      {"ه", "ه"},    // h
      {"وه", "وه"},  // wh
  });
}

TEST(CliticSegmenterTest, CutsAreIncreasingInsideTheWordAndOnCharacterBoundaries) {
  const CliticSegmenter& seg = Segmenter();
  std::istringstream in(Vocabulary());
  std::string line;
  int checked = 0, split = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("word\t", 0) == 0) continue;
    std::string word = line.substr(0, line.find('\t'));
    // Also proclitic-heavy and unseen forms.
    for (const std::string& w : {word, "وب" + word, "فل" + word + "هما", word + "ها"}) {
      uint32_t cuts[CliticSegmenter::kMaxCuts];
      const int n = seg.Split(w, cuts);
      ASSERT_GE(n, 0);
      ASSERT_LE(n, CliticSegmenter::kMaxCuts);
      uint32_t prev = 0;
      for (int k = 0; k < n; ++k) {
        ASSERT_GT(cuts[k], prev) << w;
        ASSERT_LT(cuts[k], w.size()) << w;
        ASSERT_NE(static_cast<unsigned char>(w[cuts[k]]) & 0xC0, 0x80) << w;
        prev = cuts[k];
      }
      split += n > 0;
      ++checked;
    }
    if (checked > 200000) break;
  }
  EXPECT_GT(checked, 1000);
  EXPECT_GT(split, 100);
}

TEST(CliticSegmenterTest, NonArabicAndLongInputsAreSafe) {
  const CliticSegmenter& seg = Segmenter();
  uint32_t cuts[CliticSegmenter::kMaxCuts];
  EXPECT_EQ(seg.Split("hello", cuts), 0);
  EXPECT_EQ(seg.Split(std::string(1000, '\xD9'), cuts), 0);
  std::string long_word;
  for (int i = 0; i < 200; ++i) long_word += "و";  // w...
  EXPECT_EQ(seg.Split(long_word, cuts), 0);
}

TEST(CliticSegmenterTest, BuiltinGuardMatchesTheDataFile) {
  ASSERT_FALSE(GuardFile().empty()) << "missing data/lexicons/segmenter_guard.tsv";
  EXPECT_EQ(CliticSegmenter::BuiltinGuardTsv(), GuardFile())
      << "update kBuiltinGuard in src/tokenize/clitics.cc from data/lexicons/segmenter_guard.tsv";
  // And the built-in copy is what Create() uses without a guard argument.
  auto seg = CliticSegmenter::Create(Vocabulary());
  ASSERT_TRUE(seg.ok());
  EXPECT_EQ(Segmented(seg.value(), "كان"), "كان");  // kAn
}

TEST(CliticSegmenterTest, CountsUseTheSegmenterNormalisation) {
  auto seg = CliticSegmenter::Create("# test\nword\tcount\nقَالَ\t7\nقال\t3\n");  // qAla / qAl
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  EXPECT_EQ(seg.value().Count("قال"), 10u);  // qAl: diacritics stripped, counts merged
  EXPECT_EQ(seg.value().Count("حكومة"), 0u);  // Hkwmp
}

TEST(CliticSegmenterTest, MalformedVocabularyFails) {
  const char* bad[] = {
      "word\tcount\nقال\tmany\n",     // qAl: count not a number
      "word\tcount\nقال\n",           // qAl: missing field
      "word\tfreq\nقال\t3\n",         // qAl: unknown column
      "word\tcount\n\t3\n",           // empty word
  };
  for (const char* tsv : bad) {
    auto seg = CliticSegmenter::Create(tsv);
    ASSERT_FALSE(seg.ok()) << tsv;
    EXPECT_EQ(seg.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(seg.status().message().find("vocab:"), std::string::npos) << seg.status().message();
  }
  auto guard = CliticSegmenter::Create("word\tcount\nقال\t3\n", "surface\tcolour\nكان\tx\n");  // qAl, kAn
  ASSERT_FALSE(guard.ok());
  EXPECT_NE(guard.status().message().find("guard:"), std::string::npos);
}

// The engine reads the table that rasd_segc compiled at build time: it must be
// exactly what Create() builds from the shipped vocabulary and guard list.
TEST(CliticSegmenterTest, BuiltinTableIsTheVocabularyCompiled) {
  auto built = CliticSegmenter::Create(BuiltinSegmenterVocabulary(), BuiltinSegmenterGuard());
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  EXPECT_TRUE(built->Serialize() == BuiltinSegmenterTable());
  auto loaded = CliticSegmenter::FromBlob(BuiltinSegmenterTable());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->Serialize() == BuiltinSegmenterTable());
  for (const char* w : {"وقال", "بالنسبة", "حكومته", "فلسطين", "ولاية", "للسلطة", "وبمعزل", "xyz"}) {
    EXPECT_EQ(Segmented(loaded.value(), w), Segmented(built.value(), w)) << w;
  }
}

TEST(CliticSegmenterTest, FromBlobCopiesAnUnalignedBlobAndRejectsBadOnes) {
  auto seg = CliticSegmenter::Create("word\tcount\nقال\t30\n");  // qAl
  ASSERT_TRUE(seg.ok());
  const std::string blob = seg->Serialize();
  std::string shifted = " " + blob;  // the table is copied, not read in place
  auto copy = CliticSegmenter::FromBlob(std::string_view(shifted).substr(1));
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(copy->Count("قال"), 30u);
  EXPECT_EQ(Segmented(copy.value(), "وقال"), "و+قال");  // w+qAl
  EXPECT_FALSE(CliticSegmenter::FromBlob("").ok());
  EXPECT_FALSE(CliticSegmenter::FromBlob(blob.substr(0, blob.size() - 1)).ok());
  std::string bad_magic = blob;
  bad_magic[0] = 'X';
  EXPECT_FALSE(CliticSegmenter::FromBlob(bad_magic).ok());
  std::string full = blob;  // an entry count that leaves no empty slot
  for (size_t at = 32; at < full.size(); at += 16) full[at] = 1;
  EXPECT_FALSE(CliticSegmenter::FromBlob(full).ok());
}

}  // namespace
}  // namespace rasd::internal
