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

// The length (1-4) of the well-formed UTF-8 sequence at s[i] (i < s.size()),
// or 0 if it is ill-formed (overlong, surrogate, beyond U+10FFFF, truncated).
inline int Utf8SequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// How many of the eight bytes `w` (loaded little-endian, starting at a
// character boundary) are ASCII or whole well-formed two-byte sequences
// (lead C2-DF, then a continuation byte): 8, or 7 when the eighth byte leads
// a pair the next load completes, or 0 when the bytes need a closer look (a
// longer or ill-formed sequence). Arabic text with its spaces and digits is
// all such bytes, so validators take it eight bytes at a time.
inline int PlainUtf8Bytes(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const uint64_t b7 = w & kHigh, b6 = (w << 1) & kHigh, b5 = (w << 2) & kHigh;  // bit 7, 6, 5 of each byte, at bit 7
  if (b7 == 0) return 8;
  if ((b7 & b6 & b5) != 0) return 0;  // a lead of three or four bytes, or no UTF-8
  const uint64_t continuation = b7 & ~b6, lead = b7 & b6;
  if (continuation != lead << 8) return 0;  // each lead followed by exactly one continuation
  // A lead with bits 1-4 clear is the overlong C0/C1 (per byte: no carry
  // crosses bytes, as (w & 0x1E) + 0x7F < 0x100).
  const uint64_t nonzero = ((w & 0x1E1E1E1E1E1E1E1EULL) + 0x7F7F7F7F7F7F7F7FULL) & kHigh;
  if ((lead & ~nonzero) != 0) return 0;
  return (lead >> 63) != 0 ? 7 : 8;
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
// text; CodePoint(b) counts at most one 64-byte block. b may be text.size().
class CodePointIndex {
 public:
  // Keeps a view of `text`, which must outlive the index.
  explicit CodePointIndex(std::string_view text);
  // The index of the code point that byte `byte_offset` (<= text.size())
  // belongs to; text.size() maps to the number of code points.
  uint32_t CodePoint(uint32_t byte_offset) const;

 private:
  // Code points before each 64-byte block; the rest is counted on demand
  // (a document asks for a few hundred offsets: a per-byte table cost more
  // to build than all its look-ups).
  static constexpr uint32_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> before_block_;
};

}  // namespace rasd::internal

#endif  // RASD_BASE_UTF8_H_
