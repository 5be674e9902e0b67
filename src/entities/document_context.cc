// The entity stage, step 4: what the whole document says — the home country of
// unnamed state bodies, metonyms (المملكة) and group anaphors (التنظيم).
#include "entities/recognizer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "entities/sites.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"
#include "rasd/normalize.h"

namespace rasd::internal::recognizer {

void Recognizer::PlaceDomesticBodies() {
  std::map<std::string, int> mentions;
  for (const Entity& e : doc_->entities) {
    if (e.country.size() == 3 && e.country != "IGO" && e.type != EntityType::kDate && e.type != EntityType::kNumber) {
      ++mentions[e.country];
    }
  }
  std::string home;
  int best = 0, second = 0;
  for (const auto& [country, count] : mentions) {
    if (count > best) {
      second = best;
      best = count;
      home = country;
    } else if (count > second) {
      second = count;
    }
  }
  if (best < 3 || best < 2 * second) home = OutletCountry();
  if (home.empty()) return;
  for (Entity& e : doc_->entities) {
    bool placeable = e.type == EntityType::kOrganization || e.type == EntityType::kRole;
    // A state's bodies, and the unnamed civilians, suspects and workers of an article about one country.
    static const std::set<std::string> kHomeSectors = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "CVL", "CRM", "LAB"};
    if (!placeable || !e.country.empty() || !e.code.empty() || !kHomeSectors.count(e.sector)) continue;
    if (IsGenericNoun(e.first_token)) continue;  // السفراء، الوفد، قادة: any country's
    e.country = home;
    e.code = Code(home, e.sector);
    e.qualifier = "document_country";
  }
}

bool Recognizer::HasPrepositionProclitic(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  for (uint32_t s = tok.first_segment; s < tok.stem(); ++s) {
    const std::string_view p = doc_->Folded(doc_->segments[s].norm);
    if (p == "\xD8\xA8" || p == "\xD9\x84") return true;  // ب ل
  }
  return false;
}

bool Recognizer::IsPrepositionWord(uint32_t t) const {
  if (doc_->tokens[t].kind != TokenKind::kWord) return false;
  const std::string_view site = SiteClass(*res_.lexicon, *doc_, t);
  if (site == "locative" || site == "in" || site == "site_head") return true;  // في، قرب، شمال، مدينة …
  for (uint32_t id : res_.lexicon->Lookup(doc_->Folded(doc_->tokens[t].norm))) {
    const LexEntry& x = res_.lexicon->entry(id);
    if (x.type == EntryType::kCue && x.kind == "function_words" && x.value == "preposition") return true;
  }
  return false;
}

void Recognizer::DropUnnamedHomographCountries() {
  // The country a listed spelling (folded) names, "" for any other word; looked up once per word, and only
  // for the words of placed entities.
  std::map<std::string, std::string, std::less<>> spelling_country;
  auto country_of_spelling = [&](std::string_view key) -> const std::string& {
    auto it = spelling_country.find(key);
    if (it != spelling_country.end()) return it->second;
    bool listed = false;
    std::string country;
    for (uint32_t id : res_.lexicon->Lookup(key)) {
      const LexEntry& x = res_.lexicon->entry(id);
      if (x.type == EntryType::kCue && x.kind == "homograph_names" && x.value.find("unless_country_named") != std::string::npos) {
        listed = true;
      }
      if ((x.type == EntryType::kCountry || x.type == EntryType::kNisba) && !x.code.empty()) country = x.code;
    }
    return spelling_country.emplace(std::string(key), listed ? country : std::string()).first->second;
  };
  // Whether entity e's words include a listed spelling of its own country; a country name after a
  // preposition (في مالي، إلى مالي) is the country, not the adjective «financial».
  auto homograph_of = [&](const Entity& e) {
    for (uint32_t k = e.first_token; k < e.first_token + e.token_count; ++k) {
      if (country_of_spelling(Stem(k)) != e.country) continue;
      const bool after_preposition = e.type == EntityType::kGpe && k == e.first_token &&
                                     (HasPrepositionProclitic(k) || (k > 0 && IsPrepositionWord(k - 1)));
      if (!after_preposition) return true;
    }
    return false;
  };
  std::set<std::string> named;
  for (const Entity& e : doc_->entities) {
    if (!e.country.empty() && !homograph_of(e)) named.insert(e.country);
  }
  const bool drops = std::any_of(doc_->entities.begin(), doc_->entities.end(),
                                 [&](const Entity& e) { return !e.country.empty() && !named.count(e.country); });
  if (!drops) return;
  std::vector<Entity> kept;
  kept.reserve(doc_->entities.size());
  for (Entity& e : doc_->entities) {
    if (e.country.empty() || named.count(e.country) || !homograph_of(e)) {
      kept.push_back(std::move(e));
    } else if (e.type == EntityType::kRole || e.type == EntityType::kOrganization) {
      e.country.clear();
      e.code = Code("", e.sector);
      kept.push_back(std::move(e));
    }
  }
  doc_->entities = std::move(kept);
}

std::string Recognizer::OutletCountry() const {
  if (doc_->source.empty()) return {};
  for (uint32_t id : res_.lexicon->Lookup(doc_->source)) {
    const LexEntry& x = res_.lexicon->entry(id);
    if (x.type == EntryType::kCue && x.kind == "outlets" && x.surface == doc_->source) return x.value;
  }
  return {};
}

void Recognizer::ResolveMetonyms() {
  const std::vector<char> covered = CoveredTokens();
  const size_t named = doc_->entities.size();
  for (const LexiconMatch& m : *res_.matches) {  // the engine's matches, in text order
    const uint32_t t = m.first_token;
    if (m.token_count != 1 || t >= n_ || covered[t]) continue;
    const LexEntry* metonym = res_.lexicon->CueOf(m, "metonyms");
    if (metonym == nullptr) continue;
    std::string country;
    uint32_t nearest = 0;
    const std::string kinds = "|" + metonym->value + "|";
    for (size_t i = 0; i < named; ++i) {
      const Entity& e = doc_->entities[i];
      if (e.first_token >= t || e.first_token < nearest || e.country.empty()) continue;
      if (e.type == EntityType::kLocation || e.type == EntityType::kPerson) continue;  // a place or a visitor
      if (kinds.find("|" + e.country + "|") == std::string::npos) continue;
      nearest = e.first_token;
      country = e.country;
    }
    if (country.empty()) continue;
    Entity e = RuleEntity(m, EntityType::kGpe, "metonym");
    e.country = country;
    e.code = country;
    doc_->entities.push_back(std::move(e));
  }
}

void Recognizer::ResolveAnaphors() {
  std::vector<char> covered = CoveredTokens();
  // Organisations and groups that could be antecedents, in text order.
  std::vector<int> groups;
  for (size_t i = 0; i < doc_->entities.size(); ++i) {
    const Entity& e = doc_->entities[i];
    const bool kind = e.type == EntityType::kOrganization || e.type == EntityType::kRole;
    if (kind && (!e.country.empty() || !e.code.empty())) groups.push_back(static_cast<int>(i));
  }
  std::stable_sort(groups.begin(), groups.end(), [&](int a, int b) {
    return doc_->entities[a].first_token < doc_->entities[b].first_token;
  });
  constexpr uint32_t kAnaphorReach = 400;  // tokens: about a dozen sentences
  for (const LexiconMatch& m : *res_.matches) {
    const uint32_t t = m.first_token;
    if (t >= n_ || covered[t]) continue;
    const LexEntry* anaphor = res_.lexicon->CueOf(m, "anaphors");
    if (anaphor == nullptr) continue;
    const std::string kinds = "|" + anaphor->value + "|";
    auto fits = [&](const std::string& k) { return k.size() == 3 && kinds.find("|" + k + "|") != std::string::npos; };
    // The nearest group before it, within a few hundred words (groups is in text order).
    int antecedent = -1;
    auto after = std::lower_bound(groups.begin(), groups.end(), t,
                                  [&](int i, uint32_t tok) { return doc_->entities[i].first_token < tok; });
    for (auto it = after; it != groups.begin();) {
      const Entity& e = doc_->entities[*--it];
      if (e.first_token + kAnaphorReach < t) break;
      if (fits(e.code.substr(0, std::min<size_t>(3, e.code.size()))) || fits(e.sector)) {
        antecedent = *it;
        break;
      }
    }
    if (antecedent < 0) continue;
    const Entity& a = doc_->entities[antecedent];
    Entity e = RuleEntity(m, EntityType::kOrganization, "anaphor");
    e.country = a.country;
    e.sector = a.sector;
    e.code = a.code;
    e.cluster = a.cluster;
    for (uint32_t k = t; k < t + m.token_count && k < n_; ++k) covered[k] = 1;
    doc_->entities.push_back(std::move(e));
  }
}

std::vector<char> Recognizer::CoveredTokens() const {
  std::vector<char> covered(n_, 0);
  for (const Entity& e : doc_->entities) {
    for (uint32_t k = e.first_token; k < e.first_token + e.token_count && k < n_; ++k) covered[k] = 1;
  }
  return covered;
}

Entity Recognizer::RuleEntity(const LexiconMatch& m, EntityType type, const char* qualifier) const {
  const uint32_t last = m.first_token + m.token_count - 1;
  Entity e;
  e.type = type;
  e.first_token = m.first_token;
  e.token_count = m.token_count;
  e.span = Span{doc_->segments[doc_->tokens[m.first_token].stem()].span.begin, doc_->tokens[last].span.end};
  e.text = std::string(doc_->Text(e.span));
  e.source = "rule";
  e.qualifier = qualifier;
  return e;
}

}  // namespace rasd::internal::recognizer
