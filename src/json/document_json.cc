#include "json/document_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

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

namespace {

// CAMEO quad classes by root: 1 verbal cooperation, 2 material cooperation,
// 3 verbal conflict, 4 material conflict.
int QuadClass(const std::string& cameo) {
  int root = cameo.size() >= 2 ? std::stoi(cameo.substr(0, 2)) : 0;
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
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
                ev.cameo.substr(0, 2) + "\t" + std::to_string(QuadClass(ev.cameo)) + "\t" + ev.type + "\t" +
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

std::string DocumentToJson(const Document& doc, const JsonOptions& options) {
  SpanWriter spans(doc, 0);
  auto put_span = [&](Json& j, Span s) { spans.Put(j, s); };
  Json out;
  out["id"] = doc.id;
  out["date"] = doc.date.empty() ? Json(nullptr) : Json(doc.date);
  if (options.text) out["text"] = doc.text;
  if (options.tokens) {
    Json sentences = Json::array();
    for (const Sentence& s : doc.sentences) {
      Json js;
      put_span(js, s.span);
      js["first_token"] = s.first_token;
      js["token_count"] = s.token_count;
      sentences.push_back(std::move(js));
    }
    out["sentences"] = std::move(sentences);
    Json tokens = Json::array();
    for (const Token& t : doc.tokens) tokens.push_back(TokenJson(doc, t, spans));
    out["tokens"] = std::move(tokens);
  }
  Json entities = Json::array();
  for (const Entity& e : doc.entities) {
    Json je;
    je["text"] = e.text;
    je["type"] = EntityTypeName(e.type);
    put_span(je, e.span);
    if (doc.Text(e.span) != e.text) je["surface"] = std::string(doc.Text(e.span));
    if (!e.value.empty()) {
      // Numbers are JSON numbers; dates ISO strings.
      if (e.type == EntityType::kNumber) {
        je["value"] = Json::parse(e.value, nullptr, false).is_number() ? Json::parse(e.value) : Json(e.value);
      } else {
        je["value"] = e.value;
      }
    }
    if (!e.granularity.empty()) je["granularity"] = e.granularity;
    if (!e.qualifier.empty()) je["qualifier"] = e.qualifier;
    if (!e.country.empty()) je["country"] = e.country;
    if (!e.sector.empty()) je["sector"] = e.sector;
    if (!e.code.empty()) je["code"] = e.code;
    if (e.cluster >= 0) je["cluster"] = e.cluster;
    if (!e.roles.empty()) je["roles"] = e.roles;
    je["source"] = e.source;
    entities.push_back(std::move(je));
  }
  out["entities"] = std::move(entities);
  auto actors = [](const std::vector<EventActor>& list) {
    Json arr = Json::array();
    for (const EventActor& a : list) {
      Json ja;
      ja["text"] = a.text;
      ja["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
      ja["sector"] = a.sector.empty() ? Json(nullptr) : Json(a.sector);
      ja["code"] = a.code;
      ja["cluster"] = a.cluster >= 0 ? Json(a.cluster) : Json(nullptr);
      arr.push_back(std::move(ja));
    }
    return arr;
  };
  Json events = Json::array();
  for (const Event& ev : doc.events) {
    Json je;
    je["type"] = ev.type;
    je["mode"] = ev.mode.empty() ? Json(nullptr) : Json(ev.mode);
    je["context"] = ev.context;
    je["cameo"] = ev.cameo;
    je["actor"] = actors(ev.actor);
    je["recipient"] = actors(ev.recipient);
    je["date"] = ev.date.empty() ? Json(nullptr) : Json(ev.date);
    je["date_text"] = ev.date_text.empty() ? Json(nullptr) : Json(ev.date_text);
    je["place"] = ev.place.empty() ? Json(nullptr) : Json(ev.place);
    je["sentence"] = ev.sentence < doc.sentences.size() ? std::string(doc.Text(doc.sentences[ev.sentence].span)) : "";
    Json anchor;
    anchor["text"] = std::string(doc.Text(ev.anchor));
    put_span(anchor, ev.anchor);
    je["anchor"] = std::move(anchor);
    if (ev.attribution_text.empty()) {
      je["attribution"] = nullptr;
    } else {
      je["attribution"] = Json{{"text", ev.attribution_text}, {"code", ev.attribution_code}};
    }
    je["negated"] = ev.negated;
    je["modality"] = ev.modality.empty() ? Json(nullptr) : Json(ev.modality);
    je["confidence"] = ev.confidence;
    events.push_back(std::move(je));
  }
  out["events"] = std::move(events);
  out["warnings"] = doc.warnings;
  return Dump(out, options.indent);
}

}  // namespace rasd
