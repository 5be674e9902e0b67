#include "json/exports.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "json/location_json.h"

namespace rasd {

nlohmann::ordered_json LocationJson(const Location& loc) {
  using Json = nlohmann::ordered_json;
  if (loc.precision.empty()) return Json(nullptr);
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j;
  j["country"] = or_null(loc.country);
  j["admin1"] = or_null(loc.admin1);
  j["city"] = or_null(loc.city);
  j["lat"] = loc.lat;
  j["lon"] = loc.lon;
  j["precision"] = loc.precision;
  j["text"] = loc.text;
  j["basis"] = loc.basis;
  return j;
}

namespace {

using Json = nlohmann::ordered_json;

// A TSV field: tabs and line breaks would split the row.
std::string Field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Number(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string EventId(const EventRow& r) { return r.doc_id + "-" + std::to_string(r.event_index + 1); }


Json Participants(const std::vector<std::string>& texts, const std::vector<std::string>& codes,
                  const std::vector<std::string>& countries, const std::vector<std::string>& sectors) {
  Json list = Json::array();
  for (size_t i = 0; i < codes.size(); ++i) {
    Json p;
    p["name"] = i < texts.size() ? texts[i] : "";
    p["code"] = codes[i];
    p["country"] = i < countries.size() && !countries[i].empty() ? Json(countries[i]) : Json(nullptr);
    p["sector"] = i < sectors.size() && !sectors[i].empty() ? Json(sectors[i]) : Json(nullptr);
    list.push_back(std::move(p));
  }
  return list;
}

}  // namespace

std::vector<EventRow> EventRowsOf(const Document& doc, const std::string& source, const std::string& title,
                                  const std::string& url) {
  std::vector<EventRow> rows;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& ev = doc.events[i];
    EventRow r;
    r.doc_id = doc.id;
    r.event_index = static_cast<int>(i);
    r.date = ev.date.empty() ? doc.date : ev.date;
    r.type = ev.type;
    r.mode = ev.mode;
    r.context = ev.context;
    r.cameo = ev.cameo;
    for (const EventActor& a : ev.actor) {
      r.actor_codes.push_back(a.code);
      r.actor_texts.push_back(a.text);
      r.actor_countries.push_back(a.country);
      r.actor_sectors.push_back(a.sector);
    }
    for (const EventActor& a : ev.recipient) {
      r.recipient_codes.push_back(a.code);
      r.recipient_texts.push_back(a.text);
      r.recipient_countries.push_back(a.country);
      r.recipient_sectors.push_back(a.sector);
    }
    r.anchor = std::string(doc.Text(ev.anchor));
    if (ev.sentence < doc.sentences.size()) r.sentence = std::string(doc.Text(doc.sentences[ev.sentence].span));
    r.place = ev.place;
    r.attribution_code = ev.attribution_code;
    r.negated = ev.negated;
    r.modality = ev.modality;
    r.source = source;
    r.title = title;
    r.url = url;
    if (ev.quad_class != 0) r.goldstein = ev.goldstein;
    r.quad_class = ev.quad_class;
    if (!ev.type.empty()) r.intensity = ev.intensity;
    r.cameo_name = ev.cameo_name;
    r.sentence_number = static_cast<int>(ev.sentence) + 1;
    r.location = ev.location;
    rows.push_back(std::move(r));
  }
  return rows;
}

void AppendIcewsHeader(std::string* out) {
  *out +=
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
      "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
      "Province\tCountry\tLatitude\tLongitude\n";
}

void AppendIcewsRows(const EventRow& r, std::string* out) {
  const size_t actors = std::max<size_t>(r.actor_codes.size(), 1);
  const size_t targets = std::max<size_t>(r.recipient_codes.size(), 1);
  auto at = [](const std::vector<std::string>& v, size_t i) { return i < v.size() ? v[i] : std::string(); };
  const Location& loc = r.location;
  const bool located = !loc.precision.empty();
  size_t pair = 0;
  for (size_t a = 0; a < actors; ++a) {
    for (size_t t = 0; t < targets; ++t, ++pair) {
      std::string id = EventId(r);
      if (actors * targets > 1) {  // one row per pair, ids stay unique
        id += '.';
        id += std::to_string(pair + 1);
      }
      std::vector<std::string> f = {
          id,
          r.date,
          at(r.actor_texts, a),
          at(r.actor_sectors, a),
          at(r.actor_countries, a),
          r.cameo_name,
          r.cameo,
          r.goldstein ? Number(*r.goldstein, "%.1f") : "",
          at(r.recipient_texts, t),
          at(r.recipient_sectors, t),
          at(r.recipient_countries, t),
          r.doc_id,
          std::to_string(r.sentence_number),
          r.source,
          loc.city,
          "",  // District: rasd resolves no second-level divisions
          loc.admin1,
          loc.country,
          located ? Number(loc.lat, "%.4f") : "",
          located ? Number(loc.lon, "%.4f") : "",
      };
      for (size_t i = 0; i < f.size(); ++i) {
        if (i > 0) *out += '\t';
        *out += Field(f[i]);
      }
      *out += '\n';
    }
  }
}

void AppendPolecatJson(const EventRow& r, std::string* out) {
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j;
  j["event_id"] = EventId(r);
  j["story_id"] = r.doc_id;
  j["event_date"] = or_null(r.date);
  j["event_type"] = r.type;
  j["event_mode"] = or_null(r.mode);
  j["contexts"] = r.context;
  j["actors"] = Participants(r.actor_texts, r.actor_codes, r.actor_countries, r.actor_sectors);
  j["recipients"] = Participants(r.recipient_texts, r.recipient_codes, r.recipient_countries, r.recipient_sectors);
  j["location"] = LocationJson(r.location);
  j["event_text"] = r.sentence;
  j["anchor"] = r.anchor;
  j["sentence_number"] = r.sentence_number;
  j["cameo"] = r.cameo;
  j["goldstein"] = r.goldstein ? Json(*r.goldstein) : Json(nullptr);
  j["quad_class"] = r.quad_class != 0 ? Json(r.quad_class) : Json(nullptr);
  j["intensity"] = r.intensity ? Json(*r.intensity) : Json(nullptr);
  j["attribution"] = or_null(r.attribution_code);
  j["negated"] = r.negated;
  j["modality"] = or_null(r.modality);
  j["publisher"] = or_null(r.source);
  j["url"] = or_null(r.url);
  *out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rasd
