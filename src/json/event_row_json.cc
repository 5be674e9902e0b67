#include "json/event_row_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "json/location_json.h"

namespace rasd {

void AppendEventRowJson(const EventRow& r, bool article_fields, std::string* out) {
  using Json = nlohmann::ordered_json;
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j;
  j["id"] = r.doc_id + "-" + std::to_string(r.event_index + 1);
  j["doc_id"] = r.doc_id;
  j["date"] = or_null(r.date);
  j["actor"] = r.actor_codes;
  j["recipient"] = r.recipient_codes;
  j["event"] = r.type;
  j["mode"] = or_null(r.mode);
  j["context"] = r.context;
  j["cameo"] = r.cameo;
  j["event_text"] = r.sentence;
  j["anchor"] = r.anchor;
  j["location"] = or_null(r.place);
  j["attribution"] = or_null(r.attribution_code);
  j["negated"] = r.negated;
  j["modality"] = or_null(r.modality);
  if (article_fields) {
    j["actor_text"] = r.actor_texts;
    j["recipient_text"] = r.recipient_texts;
    j["source"] = r.source;
    j["title"] = r.title;
    j["url"] = r.url;
    j["confidence"] = std::round(r.confidence * 1000) / 1000;  // stored as a float
    j["goldstein"] = r.goldstein ? Json(*r.goldstein) : Json(nullptr);
    j["quad_class"] = r.quad_class != 0 ? Json(r.quad_class) : Json(nullptr);
    j["intensity"] = r.intensity ? Json(*r.intensity) : Json(nullptr);
    j["geo"] = LocationJson(r.location);
  }
  *out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rasd
