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

// Arabic letters U+0621..U+064A that FoldOne returns unchanged under every
// option (not alef variants, teh marbuta, alef maksura or tatweel), as bit
// (trail & 0x3F) of a mask per lead byte: D8 = U+0600..U+063F, D9 = U+0640..U+067F.
constexpr uint64_t PlainLetterMask(char32_t first, char32_t last, char32_t base) {
  uint64_t m = 0;
  for (char32_t cp = first; cp <= last; ++cp) {
    if (cp == internal::kAlefWithMaddaAbove || cp == internal::kAlefWithHamzaAbove ||
        cp == internal::kAlefWithHamzaBelow || cp == internal::kTehMarbuta || cp == internal::kAlefMaksura) {
      continue;
    }
    m |= uint64_t{1} << (cp - base);
  }
  return m;
}
constexpr uint64_t kPlainLettersD8 = PlainLetterMask(0x0621, 0x063A, 0x0600);
constexpr uint64_t kPlainLettersD9 = PlainLetterMask(0x0641, 0x064A, 0x0640);

template <bool kAlign>
void NormalizeImpl(std::string_view input, const NormalizeOptions& o, std::string* out,
                   std::vector<uint32_t>* to_orig) {
  // Written through raw pointers into buffers sized up front (grown only when
  // ligature expansion outruns them), not push_back per byte: the per-call
  // capacity checks of push_back were a third of the normaliser's time.
  const size_t n = input.size();
  out->clear();
  out->resize(n + 64);
  if constexpr (kAlign) {
    to_orig->clear();
    to_orig->resize(n + 65);
  }
  char* dst = out->data();
  uint32_t* map = kAlign ? to_orig->data() : nullptr;
  size_t w = 0;  // bytes written
  // Makes room for `more` bytes at w.
  auto reserve = [&](size_t more) {
    if (w + more <= out->size()) return;
    const size_t size = std::max(out->size() * 2, w + more);
    out->resize(size);
    dst = out->data();
    if constexpr (kAlign) {
      to_orig->resize(size + 1);
      map = to_orig->data();
    }
  };
  auto put = [&](unsigned char b, size_t at) {
    dst[w] = static_cast<char>(b);
    if constexpr (kAlign) map[w] = static_cast<uint32_t>(at);
    ++w;
  };
  auto emit = [&](char32_t cp, size_t at) {
    reserve(4);
    if (cp < 0x80) {
      put(static_cast<unsigned char>(cp), at);
    } else if (cp < 0x800) {
      put(0xC0 | (cp >> 6), at);
      put(0x80 | (cp & 0x3F), at);
    } else if (cp < 0x10000) {
      put(0xE0 | (cp >> 12), at);
      put(0x80 | ((cp >> 6) & 0x3F), at);
      put(0x80 | (cp & 0x3F), at);
    } else {
      put(0xF0 | (cp >> 18), at);
      put(0x80 | ((cp >> 12) & 0x3F), at);
      put(0x80 | ((cp >> 6) & 0x3F), at);
      put(0x80 | (cp & 0x3F), at);
    }
  };
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c >= 0x20 && c < 0x7F && !(o.lowercase_latin && c >= 'A' && c <= 'Z')) {
      reserve(1);
      put(c, i);
      ++i;
      continue;
    }
    if ((c == 0xD8 || c == 0xD9) && i + 1 < n) {
      // Fast path for the common Arabic letters: copied as they are.
      const unsigned char c2 = static_cast<unsigned char>(input[i + 1]);
      const uint64_t mask = c == 0xD8 ? kPlainLettersD8 : kPlainLettersD9;
      if ((c2 & 0xC0) == 0x80 && ((mask >> (c2 & 0x3F)) & 1)) {
        reserve(2);
        put(c, i);
        put(c2, i);
        i += 2;
        continue;
      }
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
  out->resize(w);
  if constexpr (kAlign) {
    to_orig->resize(w + 1);
    (*to_orig)[w] = static_cast<uint32_t>(n);
  }
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
