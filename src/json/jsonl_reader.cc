#include "json/jsonl_reader.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "json/json_escape.h"
#include "rasd/normalize.h"

namespace rasd {

namespace {

// Reads an optional string field; numbers are accepted for `id`.
Status ReadString(const nlohmann::json& obj, const char* key, bool required, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) return InvalidArgumentError(std::string("field '") + key + "' is missing");
    return Status::Ok();
  }
  if (it->is_string()) {
    *out = it->get<std::string>();
  } else if (it->is_number()) {
    *out = it->dump();
  } else {
    return InvalidArgumentError(std::string("field '") + key + "' is not a string");
  }
  return Status::Ok();
}

// The common record, parsed without building a JSON tree: one object whose
// values are all strings, no key twice, valid UTF-8. Returns false for
// anything else (other value types, syntax errors, a missing text), which
// ParseArticleLine then hands to nlohmann for the same result and messages
// as before; on success the record is what that path would produce.
class FastRecordParser {
 public:
  explicit FastRecordParser(std::string_view line) : s_(line) {}

  bool Parse(ArticleRecord* r) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (!Eat('}')) {
      while (true) {
        fields_.emplace_back();
        if (!String(&fields_.back().first)) return false;
        SkipSpace();
        if (!Eat(':')) return false;
        SkipSpace();
        if (!String(&fields_.back().second)) return false;
        SkipSpace();
        if (Eat(',')) {
          SkipSpace();
          continue;
        }
        if (Eat('}')) break;
        return false;
      }
    }
    SkipSpace();
    if (i_ != s_.size()) return false;
    std::map<std::string, const std::string*> extra;  // sorted like nlohmann::json's keys
    bool has_text = false;
    for (const auto& [key, value] : fields_) {
      if (!IsValidUtf8(key) || !IsValidUtf8(value)) return false;
      std::string* known = key == "text"     ? &r->text
                           : key == "id"     ? &r->id
                           : key == "date"   ? &r->date
                           : key == "title"  ? &r->title
                           : key == "source" ? &r->source
                           : key == "url"    ? &r->url
                                             : nullptr;
      if (known != nullptr) {
        *known = value;
        has_text |= key == "text";
      }
      if (known == nullptr && !extra.emplace(key, &value).second) return false;
    }
    for (size_t a = 0; a < fields_.size(); ++a) {  // a key twice: nlohmann keeps the last
      for (size_t b = a + 1; b < fields_.size(); ++b) {
        if (fields_[a].first == fields_[b].first) return false;
      }
    }
    if (!has_text) return false;
    std::string json(1, '{');
    for (const auto& [key, value] : extra) {
      if (json.size() > 1) json += ',';
      internal::AppendJsonString(key, &json);
      json += ':';
      internal::AppendJsonString(*value, &json);
    }
    json += '}';
    r->extra_json = std::move(json);
    return true;
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Hex4(uint32_t* v) {
    if (s_.size() - i_ < 4) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  // A JSON string (the quotes included) decoded into *out.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (true) {
      const size_t run = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      out->append(s_.data() + run, i_ - run);
      if (i_ >= s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (i_ >= s_.size()) return false;
      const char c = s_[i_++];
      switch (c) {
        case '"': case '\\': case '/': *out += c; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (!Eat('\\') || !Eat('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          internal::AppendUtf8(static_cast<char32_t>(cp), out);
          break;
        }
        default: return false;
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace

StatusOr<ArticleRecord> ParseArticleLine(std::string_view line) {
  {
    ArticleRecord r;
    if (FastRecordParser(line).Parse(&r)) return r;
  }
  nlohmann::json obj = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) return InvalidArgumentError("not valid JSON");
  if (!obj.is_object()) return InvalidArgumentError("not a JSON object");
  ArticleRecord r;
  RASD_RETURN_IF_ERROR(ReadString(obj, "text", true, &r.text));
  RASD_RETURN_IF_ERROR(ReadString(obj, "id", false, &r.id));
  RASD_RETURN_IF_ERROR(ReadString(obj, "date", false, &r.date));
  RASD_RETURN_IF_ERROR(ReadString(obj, "title", false, &r.title));
  RASD_RETURN_IF_ERROR(ReadString(obj, "source", false, &r.source));
  RASD_RETURN_IF_ERROR(ReadString(obj, "url", false, &r.url));
  nlohmann::json extra = nlohmann::json::object();
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k != "text" && k != "id" && k != "date" && k != "title" && k != "source" && k != "url") {
      extra[k] = it.value();
    }
  }
  r.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace rasd
