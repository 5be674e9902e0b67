#include "geo/location.h"

#include <string_view>
#include <vector>

namespace rasd::internal {
namespace {

bool IsPlace(const Entity& e) { return e.type == EntityType::kLocation || e.type == EntityType::kGpe; }

bool IsDash(std::string_view p) {
  return p == "-" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94";  // - – —
}

// The location of a place entity, or one with an empty precision.
Location Resolve(const Gazetteer& gazetteer, const Entity& e, const char* basis) {
  Location loc;
  const GazetteerPlace* p = nullptr;
  if (e.type == EntityType::kLocation) p = gazetteer.Find(e.text, e.country);
  if (p == nullptr && !e.country.empty()) p = gazetteer.Country(e.country);
  if (p == nullptr) return loc;
  loc.text = e.text;
  loc.basis = basis;
  loc.country = p->country;
  loc.admin1 = p->admin1;
  loc.city = p->city;
  loc.lat = p->lat;
  loc.lon = p->lon;
  loc.precision = p->precision;
  return loc;
}

// Per sentence, the entity of the dateline that governs it, or -1: a short
// sentence (the splitter cuts a dateline off as its own sentence) that opens
// with a place and ends in a dash governs it and every sentence after it.
std::vector<int> DatelinePlaces(const Document& doc) {
  std::vector<int> first_place(doc.sentences.size(), -1);
  std::vector<uint32_t> sentence_of_token(doc.tokens.size(), 0);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count && t < doc.tokens.size(); ++t) {
      sentence_of_token[t] = s;
    }
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (!IsPlace(e) || e.first_token >= doc.tokens.size()) continue;
    uint32_t s = sentence_of_token[e.first_token];
    if (doc.sentences[s].first_token == e.first_token && first_place[s] < 0) first_place[s] = static_cast<int>(i);
  }
  constexpr uint32_t kMaxDatelineTokens = 12;
  std::vector<int> governing(doc.sentences.size(), -1);
  int current = -1;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (first_place[s] >= 0 && sent.token_count <= kMaxDatelineTokens && sent.token_count >= 2) {
      const Token& last = doc.tokens[sent.first_token + sent.token_count - 1];
      if (last.kind == TokenKind::kPunctuation && IsDash(doc.Text(last.span))) current = first_place[s];
    }
    governing[s] = current;
  }
  return governing;
}

}  // namespace

void ResolveLocations(const Gazetteer& gazetteer, Document* doc) {
  if (doc->events.empty()) return;
  const std::vector<int> dateline = DatelinePlaces(*doc);
  for (Event& ev : doc->events) {
    ev.location = Location{};
    if (!ev.place.empty() && ev.sentence < doc->sentences.size()) {
      const Sentence& sent = doc->sentences[ev.sentence];
      for (const Entity& e : doc->entities) {
        if (!IsPlace(e) || e.text != ev.place || e.first_token < sent.first_token ||
            e.first_token >= sent.first_token + sent.token_count) {
          continue;
        }
        ev.location = Resolve(gazetteer, e, "place");
        break;
      }
    }
    if (ev.location.precision.empty() && ev.sentence < dateline.size() && dateline[ev.sentence] >= 0) {
      ev.location = Resolve(gazetteer, doc->entities[static_cast<size_t>(dateline[ev.sentence])], "dateline");
    }
  }
}

}  // namespace rasd::internal
