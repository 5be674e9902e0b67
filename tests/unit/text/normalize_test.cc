// Table-driven tests of every normalisation option. Arabic literals carry a
// Buckwalter transliteration so reviewers without Arabic can follow.
#include "rasd/normalize.h"

#include <gtest/gtest.h>

namespace rasd {
namespace {

struct Case {
  const char* name;
  const char* input;
  const char* expected;
};

TEST(NormalizeTest, DefaultFoldsEveryVariant) {
  const Case cases[] = {
      {"diacritics_dropped", "مَصْرُ", "مصر"},                 // maSoru -> mSr
      {"shadda_and_tanween", "ثمّنَ شكراً", "ثمن شكرا"},          // vm~ana $ukrAF -> vmn $krA
      {"superscript_alef", "هٰذا", "هذا"},                     // h`*A -> h*A
      {"tatweel_dropped", "مـــصر", "مصر"},                    // m___Sr -> mSr
      {"alef_hamza_above", "الأردن", "الاردن"},                // Al>rdn -> AlArdn
      {"alef_hamza_below", "إسرائيل", "اسرائيل"},              // <srA}yl -> AsrA}yl
      {"alef_madda", "آذار", "اذار"},                          // |*Ar -> A*Ar
      {"alef_wasla", "ٱلله", "الله"},                          // {llh -> Allh
      {"alef_maksura", "على", "علي"},                          // ElY -> Ely
      {"teh_marbuta", "دولة", "دوله"},                         // dwlp -> dwlh
      {"arabic_indic_digits", "٢٠٢٤", "2024"},
      {"persian_digits", "۱۹۶۷", "1967"},
      {"presentation_form_lam_alef", "\uFEFB", "لا"},          // ligature -> l A
      {"presentation_form_letters", "\uFEE3\uFEBC\uFEAE", "مصر"},  // contextual forms of m S r
      {"persian_kaf_and_yeh", "کی", "كي"},
      {"zwnj_and_rlm_dropped", "م\u200Cصر\u200F", "مصر"},
      {"bom_dropped", "\uFEFFمصر", "مصر"},
      {"nbsp_and_tab_to_space", "a\u00A0b\tc", "a b c"},
      {"crlf_to_lf", "a\r\nb\rc", "a\nb\nc"},
      {"control_to_space", "a\x01" "b", "a b"},
      {"invalid_utf8_replaced", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"arabic_punctuation_kept", "قال، ثم؛ لماذا؟", "قال، ثم؛ لماذا؟"},
      {"latin_kept", "UN Security Council", "UN Security Council"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Normalize(c.input).text, c.expected) << c.name;
    EXPECT_EQ(NormalizeKey(c.input), c.expected) << c.name;
  }
}

TEST(NormalizeTest, EachOptionCanBeTurnedOff) {
  struct OptionCase {
    const char* name;
    bool NormalizeOptions::*option;
    const char* input;
  };
  const OptionCase cases[] = {
      {"strip_diacritics", &NormalizeOptions::strip_diacritics, "مَصْر"},
      {"strip_tatweel", &NormalizeOptions::strip_tatweel, "مـصر"},
      {"fold_alef", &NormalizeOptions::fold_alef, "أ"},
      {"fold_alef_maksura", &NormalizeOptions::fold_alef_maksura, "على"},
      {"fold_teh_marbuta", &NormalizeOptions::fold_teh_marbuta, "دولة"},
      {"fold_digits", &NormalizeOptions::fold_digits, "٢٠٢٤"},
      {"fold_presentation_forms", &NormalizeOptions::fold_presentation_forms, "\uFEFB"},
      {"fold_letter_variants", &NormalizeOptions::fold_letter_variants, "ک"},
      {"drop_format_controls", &NormalizeOptions::drop_format_controls, "a\u200Fb"},
      {"fold_whitespace", &NormalizeOptions::fold_whitespace, "a\tb"},
  };
  for (const auto& c : cases) {
    NormalizeOptions off;
    off.*c.option = false;
    EXPECT_EQ(Normalize(c.input, off).text, c.input) << c.name << " off must keep the input";
    EXPECT_NE(Normalize(c.input).text, c.input) << c.name << " on must change the input";
  }
  EXPECT_EQ(Normalize("مَصْر ٢", NormalizeOptions::None()).text, "مَصْر ٢");
  NormalizeOptions lower;
  lower.lowercase_latin = true;
  EXPECT_EQ(Normalize("UN Council", lower).text, "un council");
}

TEST(NormalizeTest, AlignmentMapsEveryByteBackToTheInput) {
  const std::string input = "وَقَالَ الأُرْدُن ﻻ ٢٠٢٤";
  NormalizedText n = Normalize(input);
  ASSERT_EQ(n.to_orig.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_orig.back(), input.size());
  for (size_t i = 0; i + 1 < n.to_orig.size(); ++i) {
    EXPECT_LE(n.to_orig[i], n.to_orig[i + 1]) << "non-decreasing at " << i;
    EXPECT_LT(n.to_orig[i], input.size());
  }
  // The normalised "قال" starts where the original قَ starts.
  size_t qaf_norm = n.text.find("قال");
  ASSERT_NE(qaf_norm, std::string::npos);
  EXPECT_EQ(input.substr(n.to_orig[qaf_norm], 2), "ق");
  // The lam-alef ligature expands to two letters that both map to it.
  size_t la = n.text.find(" لا ") + 1;  // the ligature, not the لا inside الاردن
  ASSERT_NE(la, std::string::npos);
  EXPECT_EQ(n.to_orig[la], n.to_orig[la + 2]);
  // Digits map one to one.
  size_t two = n.text.find("2024");
  EXPECT_EQ(input.substr(n.to_orig[two], 2), "٢");
}

TEST(NormalizeTest, IsIdempotent) {
  const char* inputs[] = {"وَقَالَ الأُرْدُن ﻻ ٢٠٢٤ ﷲ \uFE70 a\xFF", "", "\r\r\n\n", "ﷺ"};
  for (const char* in : inputs) {
    std::string once = Normalize(in).text;
    EXPECT_EQ(Normalize(once).text, once);
    EXPECT_TRUE(IsValidUtf8(once));
  }
}

}  // namespace
}  // namespace rasd
