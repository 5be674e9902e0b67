#include "base/utf8.h"

#include <gtest/gtest.h>

#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;
  size_t replaced;
};

TEST(Utf8Test, RepairsIllFormedSequencesLikePython) {
  const RepairCase cases[] = {
      {"valid_arabic", "مصر", "مصر", 0},
      {"lone_continuation", "a\x80" "b", "a\xEF\xBF\xBD" "b", 1},
      {"invalid_lead", "a\xFF" "b", "a\xEF\xBF\xBD" "b", 1},
      // Truncated 3-byte sequence: one U+FFFD for the maximal subpart E2 82.
      {"truncated_three_byte", "\xE2\x82" "x", "\xEF\xBF\xBD" "x", 1},
      {"overlong_two_byte", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
      {"truncated_at_end", "\xD9", "\xEF\xBF\xBD", 1},
      {"real_replacement_char_is_valid", "\xEF\xBF\xBD", "\xEF\xBF\xBD", 0},
  };
  for (const auto& c : cases) {
    size_t replaced = 99;
    EXPECT_EQ(RepairUtf8(c.input, &replaced), c.expected) << c.name;
    EXPECT_EQ(replaced, c.replaced) << c.name;
    EXPECT_TRUE(IsValidUtf8(RepairUtf8(c.input, &replaced))) << c.name;
  }
}

TEST(Utf8Test, CodePointIndexCountsCharactersNotBytes) {
  std::string text = "a مصر b";  // 'a', ' ', 3 Arabic letters (2 bytes each), ' ', 'b'
  CodePointIndex cp(text);
  EXPECT_EQ(cp.CodePoint(0), 0u);
  EXPECT_EQ(cp.CodePoint(2), 2u);   // start of م
  EXPECT_EQ(cp.CodePoint(8), 5u);   // the space after ر
  EXPECT_EQ(cp.CodePoint(static_cast<uint32_t>(text.size())), 7u);
}

// The index keeps counts per 64-byte block and counts the rest: every byte
// offset of a text longer than a few blocks maps as a per-byte count does.
TEST(Utf8Test, CodePointIndexAgreesWithCountingEveryByte) {
  std::string text;
  for (int k = 0; k < 40; ++k) text += k % 3 == 0 ? "abc " : (k % 3 == 1 ? "وزارة " : "€😀x ");
  const CodePointIndex index(text);
  uint32_t cp = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool continuation = i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    EXPECT_EQ(index.CodePoint(static_cast<uint32_t>(i)), continuation ? cp - 1 : cp) << i;
    if (i < text.size() && !continuation) ++cp;
  }
  EXPECT_EQ(CodePointIndex("").CodePoint(0), 0u);
}

// The word-at-a-time paths of IsValidUtf8 (eight ASCII bytes, four two-byte
// sequences) must agree with decoding one code point at a time, whatever
// byte breaks a run and wherever it falls in the eight-byte window.
TEST(Utf8Test, IsValidUtf8AgreesWithDecoding) {
  auto decodes = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      int len = 0;
      char32_t cp = DecodeUtf8(s, i, &len);
      if (cp == kReplacementChar && s.substr(i, 3) != "\xEF\xBF\xBD") return false;
      i += static_cast<size_t>(len);
    }
    return true;
  };
  const std::string bases[] = {"وزارة الخارجية الفلسطينية", "abcdefghijklmnopqrstuvwx", "مصرabcdمصرمصر", "ééééééééé"};
  const std::string breakers[] = {"\xC0\x80", "\xC1\xBF", "\x80", "\xD8", "\xE0\x80\x80", "\xED\xA0\x80",
                                  "\xF4\x90\x80\x80", "\xFF", "\xEF\xBF\xBD", "\xE2\x80\x8F", "\xF0\x9F\x98\x80", "\xDF\xBF"};
  int checked = 0;
  for (const std::string& base : bases) {
    for (const std::string& b : breakers) {
      for (size_t at = 0; at <= base.size(); ++at) {
        const std::string s = base.substr(0, at) + b + base.substr(at);
        EXPECT_EQ(IsValidUtf8(s), decodes(s)) << "base " << base << " at " << at;
        ++checked;
        // Truncations end a sequence anywhere.
        const std::string cut = s.substr(0, s.size() - 1);
        EXPECT_EQ(IsValidUtf8(cut), decodes(cut)) << "cut of base " << base << " at " << at;
      }
    }
  }
  EXPECT_GT(checked, 500);
  // Random mixes of Arabic letters, ASCII, other sequences and stray bytes.
  const std::string pieces[] = {"م", "ص", " ", "a", "\"", "\xC2\xA0", "\xC1", "\xC2", "\xBF", "€", "😀", "\xE0\xA0", "\xF4\x90"};
  uint32_t rng = 7;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = 0, n = static_cast<int>((rng = rng * 1103515245u + 12345u) >> 27); k < n; ++k) {
      rng = rng * 1103515245u + 12345u;
      const uint32_t r = (rng >> 16) % 40;
      s += r < 20 ? pieces[0] : r < 28 ? pieces[2] : pieces[r % std::size(pieces)];
    }
    ASSERT_EQ(IsValidUtf8(s), decodes(s)) << round;
  }
}

}  // namespace
}  // namespace rasd::internal
