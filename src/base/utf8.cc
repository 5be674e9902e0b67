#include "base/utf8.h"

#include "rasd/normalize.h"

namespace rasd {

bool IsValidUtf8(std::string_view input) {
  size_t i = 0;
  const size_t n = input.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, input.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x80) { ++i; continue; }
    // Two-byte sequences (Arabic, Latin-1) need no further checks.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (static_cast<unsigned char>(input[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    int len;
    char32_t cp = internal::DecodeUtf8(input, i, &len);
    if (cp == internal::kReplacementChar &&
        !(len == 3 && input.substr(i, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
    i += len;
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
