// Arabic normalisation: one pass over the input, one decision per code point,
// with the input offset of every output byte recorded for the alignment.
#include "rasd/normalize.h"

#include <algorithm>

#include "base/utf8.h"
#include "text/arabic.h"
#include "text/unicode_tables.h"

namespace rasd {

NormalizeOptions NormalizeOptions::None() {
  NormalizeOptions o;
  o.strip_diacritics = o.strip_tatweel = o.fold_alef = o.fold_alef_maksura = false;
  o.fold_teh_marbuta = o.fold_digits = o.fold_presentation_forms = false;
  o.fold_letter_variants = o.drop_format_controls = o.fold_whitespace = false;
  o.lowercase_latin = false;
  return o;
}

namespace {

using internal::IsArabicDiacritic;

const internal::PresentationForm* FindPresentationForm(char32_t cp) {
  const auto* begin = internal::kPresentationForms;
  const auto* end = begin + internal::kPresentationFormCount;
  const auto* it = std::lower_bound(begin, end, cp, [](const internal::PresentationForm& f, char32_t c) {
    return f.code_point < c;
  });
  return (it != end && it->code_point == cp) ? it : nullptr;
}

bool IsFormatControl(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
         cp == 0x061C;  // ARABIC LETTER MARK
}

bool IsOtherSpace(char32_t cp) {
  return cp == '\t' || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

bool IsLineBreak(char32_t cp) { return cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029; }

bool IsControl(char32_t cp) { return (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F); }

// Folds one code point (not a presentation form). Returns 0 to drop it.
char32_t FoldOne(char32_t cp, const NormalizeOptions& o) {
  if (cp < 0x80) {
    if (o.lowercase_latin && cp >= 'A' && cp <= 'Z') return cp + 32;
    if (o.fold_whitespace && cp != '\n' && IsControl(cp)) return (cp == 0x0B || cp == 0x0C) ? '\n' : ' ';
    return cp;
  }
  if (cp >= 0x0610 && cp <= 0x06FF) {
    if (o.strip_diacritics && IsArabicDiacritic(cp)) return 0;
    if (o.strip_tatweel && cp == internal::kTatweel) return 0;
    if (o.fold_alef && (cp == internal::kAlefWithMaddaAbove || cp == internal::kAlefWithHamzaAbove ||
                        cp == internal::kAlefWithHamzaBelow || cp == internal::kAlefWasla ||
                        cp == 0x0672 || cp == 0x0673)) {
      return internal::kAlef;
    }
    if (o.fold_alef_maksura && cp == internal::kAlefMaksura) return internal::kYeh;
    if (o.fold_teh_marbuta && cp == internal::kTehMarbuta) return internal::kHeh;
    if (o.fold_digits && cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (o.fold_digits && cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    if (o.fold_letter_variants) {
      switch (cp) {
        case 0x06A9: return internal::kKaf;        // KEHEH (Persian kaf)
        case 0x06CC: return internal::kYeh;        // FARSI YEH
        case 0x06C1: case 0x06BE: case 0x06D5: return internal::kHeh;  // HEH GOAL, DOACHASHMEE, AE
        case 0x06C0: return internal::kHeh;        // HEH WITH YEH ABOVE
        case 0x06D2: return internal::kYeh;        // YEH BARREE
        default: break;
      }
    }
    return cp;
  }
  if (o.fold_whitespace) {
    if (IsOtherSpace(cp)) return ' ';
    if (IsLineBreak(cp)) return '\n';
    if (IsControl(cp)) return ' ';
  }
  if (o.drop_format_controls && IsFormatControl(cp)) return 0;
  if (o.lowercase_latin && cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
  return cp;
}

template <bool kAlign>
void NormalizeImpl(std::string_view input, const NormalizeOptions& o, std::string* out,
                   std::vector<uint32_t>* to_orig) {
  out->clear();
  out->reserve(input.size() + 16);
  if constexpr (kAlign) {
    to_orig->clear();
    to_orig->reserve(input.size() + 17);
  }
  auto emit = [&](char32_t cp, size_t at) {
    size_t before = out->size();
    internal::AppendUtf8(cp, out);
    if constexpr (kAlign) to_orig->insert(to_orig->end(), out->size() - before, static_cast<uint32_t>(at));
  };
  const size_t n = input.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c >= 0x20 && c < 0x7F && !(o.lowercase_latin && c >= 'A' && c <= 'Z')) {
      out->push_back(static_cast<char>(c));
      if constexpr (kAlign) to_orig->push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    if (c == '\r' && o.fold_whitespace) {
      // CR LF -> LF; a lone CR is a line break.
      if (!(i + 1 < n && input[i + 1] == '\n')) emit('\n', i);
      ++i;
      continue;
    }
    int len;
    char32_t cp = internal::DecodeUtf8(input, i, &len);
    if (o.fold_presentation_forms && cp >= 0xFB50 && cp <= 0xFEFE) {
      if (const auto* f = FindPresentationForm(cp)) {
        for (int k = 0; k < f->length; ++k) {
          char32_t folded = FoldOne(internal::kPresentationFormPool[f->pool_offset + k], o);
          if (folded) emit(folded, i);
        }
        i += len;
        continue;
      }
    }
    char32_t folded = FoldOne(cp, o);
    if (folded) emit(folded, i);
    i += len;
  }
  if constexpr (kAlign) to_orig->push_back(static_cast<uint32_t>(n));
}

}  // namespace

NormalizedText Normalize(std::string_view input, const NormalizeOptions& options) {
  NormalizedText result;
  NormalizeImpl<true>(input, options, &result.text, &result.to_orig);
  return result;
}

std::string NormalizeKey(std::string_view input, const NormalizeOptions& options) {
  std::string out;
  NormalizeImpl<false>(input, options, &out, nullptr);
  return out;
}

}  // namespace rasd
