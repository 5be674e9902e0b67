// JSON string escaping shared by the writers in src/json: the bytes that
// nlohmann::json::dump(-1, ' ', /*ensure_ascii=*/false) writes for a valid
// UTF-8 string (", \ and control characters escaped; \u00xx in lowercase).
#ifndef RASD_JSON_JSON_ESCAPE_H_
#define RASD_JSON_JSON_ESCAPE_H_

#include <string>
#include <string_view>

namespace rasd::internal {

// Appends `s` (valid UTF-8) as a quoted JSON string.
inline void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
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
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

}  // namespace rasd::internal

#endif  // RASD_JSON_JSON_ESCAPE_H_
