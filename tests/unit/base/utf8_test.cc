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

}  // namespace
}  // namespace rasd::internal
