#include "json/json_object_reader.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace rasd {

namespace {

// One pass over the text, no recursion (nesting is a byte stack): the cost of
// a record is linear in its size whatever its shape.
class ObjectReader {
 public:
  ObjectReader(std::string_view s, const InputLimits& limits) : s_(s), limits_(limits) {}

  StatusOr<std::vector<JsonMember>> Read() {
    if (s_.size() > limits_.max_line_bytes) {
      return ResourceExhaustedError("record of " + std::to_string(s_.size()) + " bytes is larger than the limit of " +
                                    std::to_string(limits_.max_line_bytes));
    }
    std::vector<JsonMember> members;
    std::unordered_map<std::string, size_t> index;  // key -> position in members
    SkipSpace();
    if (!Eat('{')) return Syntax(i_ < s_.size() && s_[i_] == '[' ? "not a JSON object" : "expected '{'");
    ++values_;
    SkipSpace();
    if (!Eat('}')) {
      while (true) {
        JsonMember m;
        SkipSpace();
        if (!Peek('"')) return Syntax("expected a key in double quotes");
        RASD_RETURN_IF_ERROR(String(&m.key, limits_.max_field_bytes));
        SkipSpace();
        if (!Eat(':')) return Syntax("expected ':'");
        SkipSpace();
        const size_t start = i_;
        lone_surrogates_.clear();
        if (Peek('"')) {
          m.kind = JsonKind::kString;
          const size_t max = m.key == "text" ? limits_.max_article_bytes : limits_.max_field_bytes;
          RASD_RETURN_IF_ERROR(String(&m.value, max));
          ++values_;
        } else {
          RASD_RETURN_IF_ERROR(NonString(&m.kind));
          if (i_ - start > limits_.max_field_bytes) {
            return ResourceExhaustedError("field '" + m.key + "' is larger than the limit of " +
                                          std::to_string(limits_.max_field_bytes) + " bytes");
          }
          // Kept as written, repaired like decoded strings: ill-formed UTF-8
          // and unpaired surrogate escapes (which JSON readers refuse) become
          // U+FFFD; "\\ufffd" has the escape's six bytes, so it is patched in place.
          std::string raw(s_.substr(start, i_ - start));
          for (size_t at : lone_surrogates_) {
            if (at >= start && at < i_) raw.replace(at - start, 6, "\\ufffd");
          }
          lone_surrogates_.clear();
          size_t replaced = 0;
          m.value = internal::RepairUtf8(raw, &replaced);
        }
        if (values_ > limits_.max_values) return TooMany();
        auto [it, inserted] = index.emplace(m.key, members.size());
        if (inserted) {
          if (members.size() + 1 > limits_.max_keys_per_object) return TooManyKeys();
          members.push_back(std::move(m));
        } else {
          members[it->second] = std::move(m);  // a key twice: the last one counts
        }
        SkipSpace();
        if (Eat(',')) continue;
        if (Eat('}')) break;
        return Syntax("expected ',' or '}'");
      }
    }
    SkipSpace();
    if (i_ != s_.size()) return Syntax("text after the object");
    return members;
  }

 private:
  Status Syntax(const char* what) const {
    return InvalidArgumentError("not valid JSON at byte " + std::to_string(i_) + ": " + what);
  }
  Status TooMany() const {
    return InvalidArgumentError("more than " + std::to_string(limits_.max_values) + " values in one record");
  }
  Status TooManyKeys() const {
    return InvalidArgumentError("more than " + std::to_string(limits_.max_keys_per_object) +
                                  " keys in one object at byte " + std::to_string(i_));
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool Eat(char c) {
    if (!Peek(c)) return false;
    ++i_;
    return true;
  }
  bool Hex4(uint32_t* v) {
    if (s_.size() - i_ < 4) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }

  // A JSON string at s_[i_] == '"', decoded into *out (null: only checked).
  // Ill-formed UTF-8 and unpaired surrogate escapes become U+FFFD, as text
  // files are repaired; control characters and bad escapes are errors.
  Status String(std::string* out, size_t max_bytes) {
    ++i_;
    const size_t start = i_;
    while (true) {
      const size_t run = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      if (out != nullptr) AppendRepaired(s_.substr(run, i_ - run), out);
      // Repairs grow the text (one bad byte, three of U+FFFD): both count.
      if (i_ - start > max_bytes || (out != nullptr && out->size() > max_bytes)) {
        return ResourceExhaustedError("a string at byte " + std::to_string(start - 1) + " is larger than the limit of " +
                                      std::to_string(max_bytes) + " bytes");
      }
      if (i_ >= s_.size()) return Syntax("unterminated string");
      if (static_cast<unsigned char>(s_[i_]) < 0x20) return Syntax("control character in a string (escape it)");
      if (s_[i_++] == '"') return Status::Ok();
      if (i_ >= s_.size()) return Syntax("unterminated string");
      const char c = s_[i_++];
      char plain = 0;
      switch (c) {
        case '"': case '\\': case '/': plain = c; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
          const size_t escape = i_ - 2;
          uint32_t cp = 0;
          if (!Hex4(&cp)) return Syntax("bad \\u escape");
          if (cp >= 0xDC00 && cp <= 0xDFFF) {
            lone_surrogates_.push_back(escape);
            cp = internal::kReplacementChar;  // a lone low surrogate
          } else if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            const size_t save = i_;
            if (Eat('\\') && Eat('u') && Hex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              i_ = save;  // a lone high surrogate; what follows is read normally
              lone_surrogates_.push_back(escape);
              cp = internal::kReplacementChar;
            }
          }
          if (out != nullptr) internal::AppendUtf8(static_cast<char32_t>(cp), out);
          continue;
        }
        default: --i_; return Syntax("bad escape");
      }
      if (out != nullptr) out->push_back(plain);
    }
  }

  // Appends raw string bytes, replacing ill-formed UTF-8 by U+FFFD.
  static void AppendRepaired(std::string_view run, std::string* out) {
    size_t k = 0;
    while (k < run.size()) {
      size_t plain = k;
      while (plain < run.size() && static_cast<unsigned char>(run[plain]) < 0x80) ++plain;
      out->append(run.data() + k, plain - k);
      k = plain;
      if (k >= run.size()) break;
      const int len = internal::Utf8SequenceLength(run, k);
      if (len > 0) {
        out->append(run.data() + k, static_cast<size_t>(len));
        k += static_cast<size_t>(len);
      } else {
        int bad = 0;
        internal::DecodeUtf8(run, k, &bad);
        internal::AppendUtf8(internal::kReplacementChar, out);
        k += static_cast<size_t>(bad);
      }
    }
  }

  Status Number() {
    const size_t start = i_;
    Eat('-');
    auto digits = [&] {
      const size_t d = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > d;
    };
    if (Peek('0')) {
      ++i_;
    } else if (!digits()) {
      i_ = start;
      return Syntax("expected a value");
    }
    if (Eat('.') && !digits()) return Syntax("bad number");
    if (Peek('e') || Peek('E')) {
      ++i_;
      if (!Eat('+')) Eat('-');
      if (!digits()) return Syntax("bad number");
    }
    // Beyond a double's range no JSON library reads the number back (we
    // keep unknown fields as written), so it is refused like other limits.
    if (std::isinf(std::strtod(std::string(s_.substr(start, i_ - start)).c_str(), nullptr))) {
      return Syntax("number out of range (beyond ±1.8e308)");
    }
    return Status::Ok();
  }

  Status Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return Syntax("expected a value");
    i_ += word.size();
    return Status::Ok();
  }

  // A value that is not a top-level string: a scalar, or an array or object
  // checked to its end with an explicit stack of open containers.
  Status NonString(JsonKind* kind) {
    std::vector<char> open;             // '[' or '{' per level
    std::vector<size_t> keys;           // members so far, per open object
    bool first_kind = true;
    while (true) {
      // A value starts here.
      if (++values_ > limits_.max_values) return TooMany();
      SkipSpace();
      if (i_ >= s_.size()) return Syntax("unexpected end");
      const char c = s_[i_];
      JsonKind k = JsonKind::kNumber;
      bool opened = false;
      if (c == '{' || c == '[') {
        if (open.size() + 2 > static_cast<size_t>(limits_.max_depth)) {
          return InvalidArgumentError("nested deeper than " + std::to_string(limits_.max_depth) + " levels at byte " +
                                      std::to_string(i_));
        }
        ++i_;
        open.push_back(c);
        if (c == '{') keys.push_back(0);
        k = c == '{' ? JsonKind::kObject : JsonKind::kArray;
        opened = true;
      } else if (c == '"') {
        RASD_RETURN_IF_ERROR(String(nullptr, limits_.max_field_bytes));
        k = JsonKind::kString;
      } else if (c == 't') {
        RASD_RETURN_IF_ERROR(Literal("true"));
        k = JsonKind::kTrue;
      } else if (c == 'f') {
        RASD_RETURN_IF_ERROR(Literal("false"));
        k = JsonKind::kFalse;
      } else if (c == 'n') {
        RASD_RETURN_IF_ERROR(Literal("null"));
        k = JsonKind::kNull;
      } else {
        RASD_RETURN_IF_ERROR(Number());
      }
      if (first_kind) *kind = k;
      first_kind = false;
      // After the value (or just inside an opened container): close what
      // ends here, then find where the next value starts.
      bool need_value = false;
      if (opened) {
        SkipSpace();
        const char close = open.back() == '{' ? '}' : ']';
        if (!Eat(close)) {
          if (open.back() == '{') RASD_RETURN_IF_ERROR(Key(&keys));
          need_value = true;
        } else {
          if (open.back() == '{') keys.pop_back();
          open.pop_back();
        }
      }
      while (!need_value) {
        if (open.empty()) return Status::Ok();
        SkipSpace();
        if (Eat(',')) {
          if (open.back() == '{') RASD_RETURN_IF_ERROR(Key(&keys));
          need_value = true;
        } else if (Eat(open.back() == '{' ? '}' : ']')) {
          if (open.back() == '{') keys.pop_back();
          open.pop_back();
        } else {
          return Syntax(open.back() == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
        }
      }
    }
  }

  // `"key":` inside a nested object.
  Status Key(std::vector<size_t>* keys) {
    SkipSpace();
    if (!Peek('"')) return Syntax("expected a key in double quotes");
    RASD_RETURN_IF_ERROR(String(nullptr, limits_.max_field_bytes));
    if (++keys->back() > limits_.max_keys_per_object) return TooManyKeys();
    SkipSpace();
    if (!Eat(':')) return Syntax("expected ':'");
    return Status::Ok();
  }

  std::string_view s_;
  const InputLimits& limits_;
  size_t i_ = 0;
  size_t values_ = 0;
  std::vector<size_t> lone_surrogates_;  // where unpaired \uD800-style escapes start
};

}  // namespace

StatusOr<std::vector<JsonMember>> ReadJsonObject(std::string_view text, const InputLimits& limits) {
  return ObjectReader(text, limits).Read();
}

}  // namespace rasd
