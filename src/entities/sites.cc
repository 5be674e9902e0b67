#include "entities/sites.h"

#include <string>
#include <string_view>

namespace rasd::internal {

std::string_view SiteClass(const Lexicon& lexicon, const Document& doc, uint32_t t) {
  if (t >= doc.tokens.size() || doc.tokens[t].kind != TokenKind::kWord) return {};
  LexiconMatch m = lexicon.MatchAt(doc, t, t + 1);
  for (uint32_t id : m.entries) {
    const LexEntry& e = lexicon.entry(id);
    if (e.type == EntryType::kCue && e.kind == "sites") return e.value;
  }
  return {};
}

namespace {

// The entity's first token carries the preposition ب, left out of the entity (بالرياض; but بكين is a name).
bool HasInProclitic(const Document& doc, const Entity& e) {
  const Token& tok = doc.tokens[e.first_token];
  if (e.span.begin <= tok.span.begin) return false;
  for (uint32_t k = tok.first_segment; k < tok.stem(); ++k) {
    if (doc.segments[k].kind == SegmentKind::kProclitic && doc.Folded(doc.segments[k].norm) == "\xD8\xA8") return true;
  }
  return false;
}

void MakeLocation(Entity& e, bool keep_country) {
  e.type = EntityType::kLocation;
  e.sector.clear();
  e.code.clear();
  if (!keep_country) e.country.clear();
  e.roles.clear();
}

bool SameSentenceStart(const Document& doc, uint32_t a, uint32_t b) {
  for (const Sentence& s : doc.sentences) {
    if (a >= s.first_token && a < s.first_token + s.token_count) return b >= s.first_token && b < s.first_token + s.token_count;
  }
  return false;
}

}  // namespace

void MarkSites(const Lexicon& lexicon, Document* doc) {
  // Tokens inside an entity: a site noun that is itself part of a name is no head.
  std::vector<bool> in_entity(doc->tokens.size(), false);
  for (const Entity& e : doc->entities) {
    if (e.type == EntityType::kDate || e.type == EntityType::kNumber) continue;
    for (uint32_t t = e.first_token; t < e.first_token + e.token_count && t < in_entity.size(); ++t) in_entity[t] = true;
  }
  for (Entity& e : doc->entities) {
    const bool actor_type = e.type == EntityType::kOrganization || e.type == EntityType::kGpe ||
                            e.type == EntityType::kLocation || e.type == EntityType::kRole;
    if (!actor_type || e.token_count == 0) continue;
    const uint32_t first = e.first_token;
    const bool has_prev = first > 0 && SameSentenceStart(*doc, first - 1, first);
    const std::string_view before = has_prev ? SiteClass(lexicon, *doc, first - 1) : std::string_view();
    // The genitive of a site noun names the site: مقر الأمم المتحدة، شارع فلسطين.
    if (before == "site_head" && !in_entity[first - 1] && !HasInProclitic(*doc, e)) {
      MakeLocation(e, /*keep_country=*/e.type != EntityType::kGpe);
      continue;
    }
    // A building after a locative preposition: أمام القنصلية التركية.
    const std::string_view own = SiteClass(lexicon, *doc, first);
    const bool locative = before == "locative";
    if (locative && own == "building") {
      MakeLocation(e, /*keep_country=*/true);
      continue;
    }
    // Capitals: a government as subject or object, a place after a preposition of place.
    if (e.type == EntityType::kLocation && e.sector == "GOV" && !e.country.empty()) {
      if (locative || before == "in" || HasInProclitic(*doc, e)) {
        e.sector.clear();
        e.code.clear();
      } else {
        e.code = e.country + "GOV";
      }
    }
  }
}

}  // namespace rasd::internal
