// File: rasd/normalize.h
//
// Arabic normalisation with an alignment back to the input. Every later stage
// (tokens, lexicon matching, the segmenter's vocabulary) works on normalised
// text and reports spans in the input through `to_orig`.
//
//   rasd::NormalizedText n = rasd::Normalize("الأُرْدُن ٢٠٢٤");
//   // n.text == "الاردن 2024"; n.to_orig[i] is the input byte of n.text[i].
//
// Input is any bytes: invalid UTF-8 becomes U+FFFD (one per maximal invalid
// subpart, as Python's errors="replace" does), so normalising never fails.
#ifndef RASD_NORMALIZE_H_
#define RASD_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

// Each option is explicit because each changes what matches what.
struct NormalizeOptions {
  bool strip_diacritics = true;        // tashkeel U+064B..U+065F, U+0670, Quranic marks
  bool strip_tatweel = true;           // U+0640 kashida
  bool fold_alef = true;               // أ إ آ ٱ -> ا
  bool fold_alef_maksura = true;       // ى -> ي
  bool fold_teh_marbuta = true;        // ة -> ه
  bool fold_digits = true;             // ٠-٩ and ۰-۹ -> 0-9
  bool fold_presentation_forms = true; // U+FB50..U+FDFF, U+FE70..U+FEFF -> base letters
  bool fold_letter_variants = true;    // Persian ک ی ه-forms -> Arabic ك ي ه
  bool drop_format_controls = true;    // ZWJ, ZWNJ, LRM, RLM, bidi embeddings, BOM, soft hyphen
  bool fold_whitespace = true;         // tabs, NBSP and other spaces -> ' ' (newlines kept)
  bool lowercase_latin = false;        // A-Z -> a-z

  // Everything off but UTF-8 repair: the "light" form used where hamza matters.
  static NormalizeOptions None();
  // The folding used for lexicon keys and the segmenter vocabulary (the defaults).
  static NormalizeOptions Matching() { return NormalizeOptions(); }
};

struct NormalizedText {
  std::string text;  // valid UTF-8
  // to_orig[i] is the input byte offset of the character that produced
  // text[i]; to_orig[text.size()] == input.size(). Non-decreasing.
  std::vector<uint32_t> to_orig;
};

// Normalises `input` (any bytes; at most 4 GiB). Never fails. Idempotent:
// Normalize(Normalize(x).text).text == Normalize(x).text for the same options.
NormalizedText Normalize(std::string_view input, const NormalizeOptions& options = {});

// Normalises without building the alignment (for keys and look-ups).
std::string NormalizeKey(std::string_view input, const NormalizeOptions& options = {});

// Returns true if `input` is well-formed UTF-8.
bool IsValidUtf8(std::string_view input);

}  // namespace rasd

#endif  // RASD_NORMALIZE_H_
