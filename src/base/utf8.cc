#include "base/utf8.h"

#include <algorithm>

#include "rasd/normalize.h"

namespace rasd {

bool IsValidUtf8(std::string_view input) {
  size_t i = 0;
  const size_t n = input.size();
  while (i < n) {
    // Eight bytes at a time while they are ASCII or two-byte sequences.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, input.data() + i, 8);
      const int plain = internal::PlainUtf8Bytes(w);
      if (plain == 0) break;
      i += static_cast<size_t>(plain);
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

namespace {

// Continuation bytes (10xxxxxx) among the 8 bytes of `w`.
inline int ContinuationBytes(uint64_t w) {
  return __builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ULL);
}

// Code points that start in text[from, to).
uint32_t LeadBytes(std::string_view text, size_t from, size_t to) {
  uint32_t conts = 0;
  size_t i = from;
  for (; i + 8 <= to; i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, text.data() + i, 8);
    conts += static_cast<uint32_t>(ContinuationBytes(w));
  }
  for (; i < to; ++i) conts += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  return static_cast<uint32_t>(to - from) - conts;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  before_block_.reserve(text.size() / kBlock + 1);
  uint32_t cp = 0;
  for (size_t b = 0; b < text.size(); b += kBlock) {
    before_block_.push_back(cp);
    cp += LeadBytes(text, b, std::min<size_t>(text.size(), b + kBlock));
  }
  before_block_.push_back(cp);
}

uint32_t CodePointIndex::CodePoint(uint32_t byte_offset) const {
  const size_t block = byte_offset / kBlock;
  const size_t from = block * kBlock;
  uint32_t cp = before_block_[block] + LeadBytes(text_, from, byte_offset);
  // A continuation byte belongs to the code point its lead byte starts.
  if (byte_offset < text_.size() && (static_cast<unsigned char>(text_[byte_offset]) & 0xC0) == 0x80) --cp;
  return cp;
}

}  // namespace internal
}  // namespace rasd
