// JSON string escaping shared by the writers in src/json: the bytes that
// nlohmann::json::dump(-1, ' ', /*ensure_ascii=*/false) writes for a valid
// UTF-8 string (", \ and control characters escaped; \u00xx in lowercase).
#ifndef RASD_JSON_JSON_ESCAPE_H_
#define RASD_JSON_JSON_ESCAPE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"

namespace rasd::internal {

// Appends the escape of `c` (a quote, a backslash or a control character).
inline void AppendJsonEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '"': *out += "\\\""; break;
    case '\\': *out += "\\\\"; break;
    case '\b': *out += "\\b"; break;
    case '\f': *out += "\\f"; break;
    case '\n': *out += "\\n"; break;
    case '\r': *out += "\\r"; break;
    case '\t': *out += "\\t"; break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out->append(esc, 6);
    }
  }
}

// PlainUtf8Bytes() for JSON: 0 also when an ASCII byte needs an escape (a
// control character, quote or backslash; exact per-byte tests).
inline int PlainJsonBytes(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  // Bit 7 set in each byte of t that is zero (no borrow crosses bytes).
  auto zero_bytes = [&](uint64_t t) { return ~(((t & kLow7) + kLow7) | t) & kHigh; };
  const uint64_t control = ~w & ~(w << 1) & ~(w << 2) & kHigh;  // bits 7, 6, 5 clear: below 0x20
  if ((control | zero_bytes(w ^ 0x2222222222222222ULL) | zero_bytes(w ^ 0x5C5C5C5C5C5C5C5CULL)) != 0) return 0;
  return PlainUtf8Bytes(w);
}

// Appends `s` as a quoted JSON string. With kValidate, also checks that `s`
// is valid UTF-8 in the same pass: if it is not, leaves *out as it was and
// returns false. Without, `s` must be valid UTF-8.
template <bool kValidate>
inline bool AppendJsonStringChecked(std::string_view s, std::string* out) {
  const size_t mark = out->size();
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    // Eight bytes at a time while they need neither escape nor a closer look.
    if (i + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (const int plain = PlainJsonBytes(w); plain != 0) {
        i += static_cast<size_t>(plain);
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      int len = 1;
      if constexpr (kValidate) {
        len = Utf8SequenceLength(s, i);
        if (len == 0) {
          out->resize(mark);
          return false;
        }
      }
      i += static_cast<size_t>(len);
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    run = i + 1;
    AppendJsonEscape(c, out);
    ++i;
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
  return true;
}

// Appends `s` (valid UTF-8) as a quoted JSON string.
inline void AppendJsonString(std::string_view s, std::string* out) { AppendJsonStringChecked<false>(s, out); }

// The same for `s` of unknown validity in one pass: appends it and returns
// true if it is valid UTF-8, else leaves *out as it was and returns false.
inline bool AppendJsonStringIfValid(std::string_view s, std::string* out) {
  return AppendJsonStringChecked<true>(s, out);
}

}  // namespace rasd::internal

#endif  // RASD_JSON_JSON_ESCAPE_H_
