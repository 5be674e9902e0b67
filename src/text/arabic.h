// Named Arabic code points and character classes (code identifiers use the
// Unicode character names so that readers without Arabic can follow).
#ifndef RASD_TEXT_ARABIC_H_
#define RASD_TEXT_ARABIC_H_

namespace rasd::internal {

inline constexpr char32_t kHamza = 0x0621;
inline constexpr char32_t kAlefWithMaddaAbove = 0x0622;
inline constexpr char32_t kAlefWithHamzaAbove = 0x0623;
inline constexpr char32_t kWawWithHamzaAbove = 0x0624;
inline constexpr char32_t kAlefWithHamzaBelow = 0x0625;
inline constexpr char32_t kYehWithHamzaAbove = 0x0626;
inline constexpr char32_t kAlef = 0x0627;
inline constexpr char32_t kBeh = 0x0628;
inline constexpr char32_t kTehMarbuta = 0x0629;
inline constexpr char32_t kTeh = 0x062A;
inline constexpr char32_t kKaf = 0x0643;
inline constexpr char32_t kLam = 0x0644;
inline constexpr char32_t kMeem = 0x0645;
inline constexpr char32_t kNoon = 0x0646;
inline constexpr char32_t kHeh = 0x0647;
inline constexpr char32_t kWaw = 0x0648;
inline constexpr char32_t kAlefMaksura = 0x0649;
inline constexpr char32_t kYeh = 0x064A;
inline constexpr char32_t kTatweel = 0x0640;
inline constexpr char32_t kAlefWasla = 0x0671;
inline constexpr char32_t kArabicComma = 0x060C;
inline constexpr char32_t kArabicSemicolon = 0x061B;
inline constexpr char32_t kArabicQuestionMark = 0x061F;
inline constexpr char32_t kArabicFullStop = 0x06D4;
inline constexpr char32_t kArabicDecimalSeparator = 0x066B;
inline constexpr char32_t kArabicThousandsSeparator = 0x066C;
inline constexpr char32_t kArabicPercentSign = 0x066A;

// Tashkeel, superscript alef and Quranic annotation marks.
constexpr bool IsArabicDiacritic(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0610 && cp <= 0x061A) ||
         (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E8) ||
         (cp >= 0x06EA && cp <= 0x06ED);
}

// Letters of the Arabic script (not digits, punctuation or marks).
constexpr bool IsArabicLetter(char32_t cp) {
  return (cp >= 0x0620 && cp <= 0x064A && cp != kTatweel) || (cp >= 0x066E && cp <= 0x066F) ||
         (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 || (cp >= 0x06EE && cp <= 0x06EF) ||
         (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08C9);
}

// Characters that may continue an Arabic word once it has started.
constexpr bool IsArabicWordChar(char32_t cp) {
  return IsArabicLetter(cp) || IsArabicDiacritic(cp) || cp == kTatweel;
}

}  // namespace rasd::internal

#endif  // RASD_TEXT_ARABIC_H_
