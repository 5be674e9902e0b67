// UTF-8 decoding and encoding that never fails, plus offset conversions.
#ifndef RASD_BASE_UTF8_H_
#define RASD_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at s[i] (i < s.size()). Sets `len` to the bytes
// consumed (>= 1). Ill-formed input yields U+FFFD and consumes one maximal
// subpart of an ill-formed sequence (Unicode 15, 3.9 "U+FFFD substitution of
// maximal subparts"; also what Python's errors="replace" does), so code point
// counts agree with Python and JavaScript decoders.
inline char32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) { *len = 1; return c; }
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (cont(i + 1)) { *len = 2; return ((c & 0x1F) << 6) | (p[i + 1] & 0x3F); }
    *len = 1; return kReplacementChar;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
    if (!(i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi)) { *len = 1; return kReplacementChar; }
    if (!cont(i + 2)) { *len = 2; return kReplacementChar; }
    *len = 3;
    return ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (!(i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi)) { *len = 1; return kReplacementChar; }
    if (!cont(i + 2)) { *len = 2; return kReplacementChar; }
    if (!cont(i + 3)) { *len = 3; return kReplacementChar; }
    *len = 4;
    return ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
  }
  *len = 1;
  return kReplacementChar;
}

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Returns `input` with every ill-formed subpart replaced by U+FFFD, and sets
// `*replaced` to how many replacements were made. Valid input is returned as is.
std::string RepairUtf8(std::string_view input, size_t* replaced);

// Maps byte offsets of valid UTF-8 `text` to code point offsets. Build once per
// text; CodePoint(b) is O(1). b may be text.size().
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  uint32_t CodePoint(uint32_t byte_offset) const { return cp_of_byte_[byte_offset]; }

 private:
  std::vector<uint32_t> cp_of_byte_;
};

}  // namespace rasd::internal

#endif  // RASD_BASE_UTF8_H_
