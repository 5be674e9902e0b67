#include "base/utf8.h"

#include "rasd/normalize.h"

namespace rasd {

bool IsValidUtf8(std::string_view input) {
  size_t i = 0;
  const size_t n = input.size();
  while (i < n) {
    // Eight bytes at a time while they are ASCII, or four two-byte sequences
    // (lead C2-DF, then a continuation byte: Arabic letters, Latin-1).
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, input.data() + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
      if (!internal::FourTwoByteSequences(w)) break;
      i += 8;
    }
    if (i >= n) break;
    const int len = internal::Utf8SequenceLength(input, i);
    if (len == 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

namespace internal {

std::string RepairUtf8(std::string_view input, size_t* replaced) {
  *replaced = 0;
  if (IsValidUtf8(input)) return std::string(input);
  std::string out;
  out.reserve(input.size() + input.size() / 8);
  size_t i = 0;
  while (i < input.size()) {
    int len;
    char32_t cp = DecodeUtf8(input, i, &len);
    if (cp == kReplacementChar && !(len == 3 && input.substr(i, 3) == "\xEF\xBF\xBD")) ++*replaced;
    AppendUtf8(cp, &out);
    i += len;
  }
  return out;
}

CodePointIndex::CodePointIndex(std::string_view text) : cp_of_byte_(text.size() + 1) {
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // Continuation bytes share the index of their lead byte's code point.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      cp_of_byte_[i] = cp++;
    } else {
      cp_of_byte_[i] = cp - 1;
    }
  }
  cp_of_byte_[text.size()] = cp;
}

}  // namespace internal
}  // namespace rasd
