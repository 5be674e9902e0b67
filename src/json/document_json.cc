#include "json/document_json.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "json/json_escape.h"
#include "rasd/normalize.h"

namespace rasd {

using Json = nlohmann::ordered_json;

namespace {

class SpanWriter {
 public:
  SpanWriter(const Document& doc, uint64_t base) : cp_(doc.text), base_(base) {}
  void Put(Json& j, Span s) const {
    j["start"] = base_ + cp_.CodePoint(s.begin);
    j["end"] = base_ + cp_.CodePoint(s.end);
  }
  void Get(Span s, uint64_t* start, uint64_t* end) const {
    *start = base_ + cp_.CodePoint(s.begin);
    *end = base_ + cp_.CodePoint(s.end);
  }

 private:
  internal::CodePointIndex cp_;
  uint64_t base_;
};

Json TokenJson(const Document& doc, const Token& t, const SpanWriter& spans) {
  Json jt;
  jt["text"] = std::string(doc.Text(t.span));
  spans.Put(jt, t.span);
  jt["kind"] = TokenKindName(t.kind);
  jt["norm"] = std::string(doc.Norm(t.norm));
  if (t.segment_count > 1) {
    Json segs = Json::array();
    for (uint32_t k = 0; k < t.segment_count; ++k) {
      const Segment& s = doc.segments[t.first_segment + k];
      Json js;
      js["text"] = std::string(doc.Text(s.span));
      spans.Put(js, s.span);
      js["kind"] = SegmentKindName(s.kind);
      segs.push_back(std::move(js));
    }
    jt["segments"] = std::move(segs);
  }
  return jt;
}

std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void AppendPloverJsonl(const Document& doc, std::string* out) {
  SpanWriter spans(doc, 0);
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& ev = doc.events[i];
    Json j;
    j["id"] = doc.id + "-" + std::to_string(i + 1);
    j["doc_id"] = doc.id;
    j["date"] = ev.date.empty() ? Json(nullptr) : Json(ev.date);
    Json actor = Json::array(), recipient = Json::array();
    for (const EventActor& a : ev.actor) actor.push_back(a.code);
    for (const EventActor& a : ev.recipient) recipient.push_back(a.code);
    j["actor"] = std::move(actor);
    j["recipient"] = std::move(recipient);
    j["event"] = ev.type;
    j["mode"] = ev.mode.empty() ? Json(nullptr) : Json(ev.mode);
    j["context"] = ev.context;
    j["cameo"] = ev.cameo;
    j["event_text"] = ev.sentence < doc.sentences.size() ? std::string(doc.Text(doc.sentences[ev.sentence].span)) : "";
    j["anchor"] = std::string(doc.Text(ev.anchor));
    j["location"] = ev.place.empty() ? Json(nullptr) : Json(ev.place);
    j["attribution"] = ev.attribution_code.empty() ? Json(nullptr) : Json(ev.attribution_code);
    j["negated"] = ev.negated;
    j["modality"] = ev.modality.empty() ? Json(nullptr) : Json(ev.modality);
    *out += Dump(j);
    *out += '\n';
  }
}

void AppendCameoTsv(const Document& doc, std::string* out) {
  for (const Event& ev : doc.events) {
    std::vector<EventActor> recipients = ev.recipient;
    if (recipients.empty()) recipients.push_back(EventActor{});
    for (const EventActor& a : ev.actor) {
      for (const EventActor& r : recipients) {
        std::string date = ev.date;
        date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
        *out += doc.id + "\t" + date + "\t" + a.code + "\t" + r.code + "\t" + ev.cameo + "\t" +
                ev.cameo.substr(0, 2) + "\t" + std::to_string(ev.quad_class) + "\t" + ev.type + "\t" +
                (ev.negated ? "1" : "0") + "\t" + (ev.attribution_code.empty() ? "0" : "1") + "\n";
      }
    }
  }
}

void AppendSentencesJsonl(const Document& doc, uint64_t base, std::string* out) {
  SpanWriter spans(doc, base);
  for (const Sentence& s : doc.sentences) {
    Json js;
    spans.Put(js, s.span);
    js["text"] = std::string(doc.Text(s.span));
    Json tokens = Json::array();
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      tokens.push_back(TokenJson(doc, doc.tokens[i], spans));
    }
    js["tokens"] = std::move(tokens);
    *out += Dump(js);
    *out += '\n';
  }
}

namespace {

// A compact JSON writer for DocumentToJson: the same bytes as nlohmann's
// dump(-1, ' ', false, replace) of the equivalent ordered_json (a test
// compares the two), without building the tree first: rendering documents
// was a tenth of `rasd extract`'s time.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The key of the next value in the current object.
  // Keys are this file's literals, plain ASCII: written without escaping.
  void Key(std::string_view key) {
    Comma();
    out_ += '"';
    out_.append(key);
    out_.append("\":", 2);
    after_key_ = true;
  }
  void Str(std::string_view s) {
    Comma();
    String(s);
  }  // "key": value, only when the value is not empty.
  void OptionalStr(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    Str(value);
  }

  void Null() {
    Comma();
    out_ += "null";
  }
  void OptStr(std::string_view s) { s.empty() ? Null() : Str(s); }
  void Bool(bool b) {
    Comma();
    out_ += b ? "true" : "false";
  }
  void Int(int64_t v) {
    Comma();
    AppendNumber(v);
  }
  void UInt(uint64_t v) {
    Comma();
    AppendNumber(v);
  }
  // Numbers other than integers as nlohmann writes them.
  void Raw(const Json& j) {
    Comma();
    out_ += Dump(j);
  }

 private:
  template <typename T>
  void AppendNumber(T v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, static_cast<size_t>(end - buf));
  }
  void Open(char c) {
    Comma();
    out_ += c;
    first_.push_back(true);
  }
  void Close(char c) {
    out_ += c;
    first_.pop_back();
  }
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void String(std::string_view s) {
    if (internal::AppendJsonStringIfValid(s, &out_)) return;
    out_ += Dump(Json(std::string(s)));  // nlohmann's replacement of ill-formed bytes
  }

  std::string& out_;
  std::vector<bool> first_;  // per open object/array: nothing written in it yet
  bool after_key_ = false;
};

void WriteSpan(Writer& w, const SpanWriter& spans, Span s) {
  uint64_t start = 0, end = 0;
  spans.Get(s, &start, &end);
  w.Key("start");
  w.UInt(start);
  w.Key("end");
  w.UInt(end);
}

void WriteToken(Writer& w, const Document& doc, const Token& t, const SpanWriter& spans) {
  w.BeginObject();
  w.Key("text");
  w.Str(doc.Text(t.span));
  WriteSpan(w, spans, t.span);
  w.Key("kind");
  w.Str(TokenKindName(t.kind));
  w.Key("norm");
  w.Str(doc.Norm(t.norm));
  if (t.segment_count > 1) {
    w.Key("segments");
    w.BeginArray();
    for (uint32_t k = 0; k < t.segment_count; ++k) {
      const Segment& s = doc.segments[t.first_segment + k];
      w.BeginObject();
      w.Key("text");
      w.Str(doc.Text(s.span));
      WriteSpan(w, spans, s.span);
      w.Key("kind");
      w.Str(SegmentKindName(s.kind));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void WriteActors(Writer& w, const std::vector<EventActor>& list) {
  w.BeginArray();
  for (const EventActor& a : list) {
    w.BeginObject();
    w.Key("text");
    w.Str(a.text);
    w.Key("country");
    w.OptStr(a.country);
    w.Key("sector");
    w.OptStr(a.sector);
    w.Key("code");
    w.Str(a.code);
    w.Key("cluster");
    if (a.cluster >= 0) {
      w.Int(a.cluster);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
}

void WriteLocation(Writer& w, const Location& loc) {
  if (loc.precision.empty()) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("country");
  w.OptStr(loc.country);
  w.Key("admin1");
  w.OptStr(loc.admin1);
  w.Key("city");
  w.OptStr(loc.city);
  w.Key("lat");
  w.Raw(Json(loc.lat));
  w.Key("lon");
  w.Raw(Json(loc.lon));
  w.Key("precision");
  w.Str(loc.precision);
  w.Key("text");
  w.Str(loc.text);
  w.Key("basis");
  w.Str(loc.basis);
  w.EndObject();
}

}  // namespace

std::string DocumentToJson(const Document& doc, const JsonOptions& options) {
  SpanWriter spans(doc, 0);
  std::string text;
  text.reserve(doc.text.size() * 2 + 1024);
  Writer w(&text);
  w.BeginObject();
  w.Key("id");
  w.Str(doc.id);
  w.Key("date");
  w.OptStr(doc.date);
  if (options.text) {
    w.Key("text");
    w.Str(doc.text);
  }
  if (options.tokens) {
    w.Key("sentences");
    w.BeginArray();
    for (const Sentence& s : doc.sentences) {
      w.BeginObject();
      WriteSpan(w, spans, s.span);
      w.Key("first_token");
      w.UInt(s.first_token);
      w.Key("token_count");
      w.UInt(s.token_count);
      w.EndObject();
    }
    w.EndArray();
    w.Key("tokens");
    w.BeginArray();
    for (const Token& t : doc.tokens) WriteToken(w, doc, t, spans);
    w.EndArray();
  }
  w.Key("entities");
  w.BeginArray();
  for (const Entity& e : doc.entities) {
    w.BeginObject();
    w.Key("text");
    w.Str(e.text);
    w.Key("type");
    w.Str(EntityTypeName(e.type));
    WriteSpan(w, spans, e.span);
    if (doc.Text(e.span) != e.text) {
      w.Key("surface");
      w.Str(doc.Text(e.span));
    }
    if (!e.value.empty()) {
      // Numbers are JSON numbers; dates ISO strings.
      w.Key("value");
      Json number = e.type == EntityType::kNumber ? Json::parse(e.value, nullptr, false) : Json();
      if (number.is_number()) {
        w.Raw(number);
      } else {
        w.Str(e.value);
      }
    }
    w.OptionalStr("granularity", e.granularity);
    w.OptionalStr("qualifier", e.qualifier);
    w.OptionalStr("country", e.country);
    w.OptionalStr("sector", e.sector);
    w.OptionalStr("code", e.code);
    if (e.cluster >= 0) {
      w.Key("cluster");
      w.Int(e.cluster);
    }
    if (!e.roles.empty()) {
      w.Key("roles");
      w.BeginArray();
      for (const std::string& r : e.roles) w.Str(r);
      w.EndArray();
    }
    w.Key("source");
    w.Str(e.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.BeginArray();
  for (const Event& ev : doc.events) {
    w.BeginObject();
    w.Key("type");
    w.Str(ev.type);
    w.Key("mode");
    w.OptStr(ev.mode);
    w.Key("context");
    w.BeginArray();
    for (const std::string& c : ev.context) w.Str(c);
    w.EndArray();
    w.Key("cameo");
    w.Str(ev.cameo);
    w.Key("actor");
    WriteActors(w, ev.actor);
    w.Key("recipient");
    WriteActors(w, ev.recipient);
    w.Key("date");
    w.OptStr(ev.date);
    w.Key("date_text");
    w.OptStr(ev.date_text);
    w.Key("place");
    w.OptStr(ev.place);
    w.Key("sentence");
    w.Str(ev.sentence < doc.sentences.size() ? doc.Text(doc.sentences[ev.sentence].span) : std::string_view());
    w.Key("anchor");
    w.BeginObject();
    w.Key("text");
    w.Str(doc.Text(ev.anchor));
    WriteSpan(w, spans, ev.anchor);
    w.EndObject();
    w.Key("attribution");
    if (ev.attribution_text.empty()) {
      w.Null();
    } else {
      w.BeginObject();
      w.Key("text");
      w.Str(ev.attribution_text);
      w.Key("code");
      w.Str(ev.attribution_code);
      w.EndObject();
    }
    w.Key("negated");
    w.Bool(ev.negated);
    w.Key("modality");
    w.OptStr(ev.modality);
    w.Key("confidence");
    w.Raw(Json(ev.confidence));
    w.Key("goldstein");
    if (ev.quad_class != 0) {
      w.Raw(Json(ev.goldstein));
    } else {
      w.Null();
    }
    w.Key("quad_class");
    if (ev.quad_class != 0) {
      w.Int(ev.quad_class);
    } else {
      w.Null();
    }
    w.Key("intensity");
    w.Raw(Json(ev.intensity));
    w.Key("location");
    WriteLocation(w, ev.location);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& warning : doc.warnings) w.Str(warning);
  w.EndArray();
  w.EndObject();
  if (options.indent < 0) return text;
  // Pretty-printed: the same document re-indented (order kept; numbers
  // read back as the same values).
  return Dump(Json::parse(text), options.indent);
}

}  // namespace rasd
