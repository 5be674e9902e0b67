// The entity stage, step 3: entities from phrases and mentions, names nested in
// names, and actor codes (country + sector).
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

Span Recognizer::SpanOf(uint32_t first, uint32_t end) const {
  return Span{doc_->tokens[first].span.begin, doc_->tokens[end - 1].span.end};
}

bool Recognizer::Free(uint32_t first, uint32_t end) const {
  for (uint32_t t = first; t < end; ++t) {
    if (taken_[t]) return false;
  }
  return true;
}

Entity& Recognizer::Add(EntityType type, uint32_t first, uint32_t end, const char* source,
                        const LexEntry* entry) {
  for (uint32_t t = first; t < end; ++t) taken_[t] = true;
  Entity e;
  e.type = type;
  e.first_token = first;
  e.token_count = end - first;
  e.span = SpanOf(first, end);
  // Leave proclitics out: وبكازاخستان -> كازاخستان; but not letters of the
  // name the lexicon matched whole (بكين is Beijing, not ب + كين).
  const Token& tok = doc_->tokens[first];
  bool restore_article = false;
  std::string whole_key = entry ? Lexicon::KeyOf(entry->surface) : std::string();
  whole_key = whole_key.substr(0, whole_key.find('\x1f'));
  const std::string_view whole_word = doc_->Folded(tok.norm);
  const bool matched_whole =
      entry != nullptr && (whole_word == whole_key ||
                           (whole_word.starts_with(kArticle) && whole_word.substr(kArticle.size()) == whole_key));
  if (!matched_whole && tok.segment_count > 1 && doc_->segments[tok.first_segment].kind == SegmentKind::kProclitic &&
      tok.stem() > tok.first_segment) {
    const Segment& stem = doc_->segments[tok.stem()];
    const Segment& last_pro = doc_->segments[tok.stem() - 1];
    e.span.begin = stem.span.begin;
    // ل + ال is written لل: the stem (لأمم) matched only without its ل.
    std::string_view stem_word = doc_->Folded(Span{stem.norm.begin, tok.norm.end});
    std::string key = Lexicon::KeyOf(entry ? entry->surface : "");
    std::string_view first_key = std::string_view(key).substr(0, key.find('\x1f'));
    restore_article = entry != nullptr && doc_->Folded(last_pro.norm) == "\xD9\x84" &&
                      stem_word.starts_with("\xD9\x84") && stem_word.substr(2) == first_key;
  }
  e.text = restore_article ? "\xD8\xA7" + std::string(doc_->Text(e.span)) : std::string(doc_->Text(e.span));
  e.source = source;
  doc_->entities.push_back(std::move(e));
  return doc_->entities.back();
}

void Recognizer::AddNested(const Phrase& outer) {
  for (uint32_t t = outer.first + 1; t < outer.end; ++t) {
    LexiconMatch m = res_.lexicon->MatchAt(*doc_, t, outer.end);
    if (m.token_count == 0) continue;
    for (uint32_t id : m.entries) {
      const LexEntry& e = res_.lexicon->entry(id);
      if (e.type != EntryType::kOrganization && e.type != EntryType::kCountry) continue;
      std::vector<bool> saved = taken_;
      Entity& inner = Add(e.type == EntryType::kOrganization ? EntityType::kOrganization : EntityType::kGpe, t,
                          t + m.token_count, "lexicon", &e);
      taken_ = std::move(saved);
      inner.code = e.code;
      inner.country = e.type == EntryType::kCountry ? e.code : e.country;
      inner.sector = e.sector;
      break;
    }
    t += m.token_count - 1;
  }
}

std::string Recognizer::Code(const std::string& country, const std::string& sector) {
  if (country.empty()) return sector == "IGO" ? sector : "";
  return country + sector;
}

void Recognizer::EmitAll() {
  auto add_person = [&](const PersonMention& m, const char* source) -> Entity* {
    if (!Free(m.first, m.end)) return nullptr;
    // A known person's name is kept whole (بان كي مون is no ب + ان).
    const Phrase* known = PhraseStartingAt(m.first);
    const LexEntry* entry = known != nullptr && known->cat == Cat::kPersonName ? known->entry : nullptr;
    Entity& e = Add(EntityType::kPerson, m.first, m.end, source, entry);
    e.country = m.country;
    e.sector = m.sector;
    e.code = m.code.empty() ? Code(m.country, m.sector) : m.code;
    e.cluster = m.cluster;
    return &e;
  };
  for (const PersonMention& m : persons_) {
    if (Entity* e = add_person(m, "ner")) {
      for (int i : m.roles) e->roles.emplace_back(doc_->Text(SpanOf(roles_[i].first, roles_[i].end)));
    }
  }
  for (const PersonMention& m : nominal_) {
    if (m.cluster < 0) continue;  // unresolved: stays a ROLE (السكان العرب)
    if (Entity* e = add_person(m, "rule")) e->roles.push_back(e->text);
  }
  for (const RolePhrase& r : roles_) {
    // A role with its genitive country or organisation is one participant
    // (ملك المغرب، الأمين العام للأمم المتحدة); the name inside stays an entity, nested.
    uint32_t end = r.end;
    if (!Free(r.first, end)) continue;
    Entity& e = Add(EntityType::kRole, r.first, end, "lexicon", phrases_[phrase_of_[r.first]].entry);
    e.sector = r.sector;
    e.country = r.country;
    e.code = r.code.empty() ? Code(r.country, r.sector) : r.code;
    if (!r.has_nisba && end > phrases_[phrase_of_[r.first]].end) {
      AddNested(Phrase{r.first, end, Cat::kRole, nullptr, nullptr});
    }
  }
  for (size_t i = 0; i < phrases_.size(); ++i) {
    const Phrase& p = phrases_[i];
    if (!Free(p.first, p.end) || p.entry == nullptr) continue;
    switch (p.cat) {
      case Cat::kGovBody: {
        int cp = AttachedCountryPhrase(p);
        uint32_t end = cp >= 0 ? phrases_[cp].end : p.end;
        if (!Free(p.first, end)) break;
        Entity& e = Add(EntityType::kOrganization, p.first, end, "lexicon", p.entry);
        e.sector = p.entry->sector;
        if (cp >= 0) e.country = CountryOf(phrases_[cp]);
        e.code = Code(e.country, e.sector);
        break;
      }
      case Cat::kOrg: {
        if (IsHomographUsedAsWord(p)) break;
        Entity& e = Add(EntityType::kOrganization, p.first, p.end, "lexicon", p.entry);
        e.code = p.entry->code;
        e.country = p.entry->country;
        e.sector = p.entry->sector;
        AddNested(p);
        break;
      }
      case Cat::kCountry: {
        Entity& e = Add(EntityType::kGpe, p.first, p.end, "lexicon", p.entry);
        e.country = e.code = p.entry->code;
        break;
      }
      case Cat::kNisba: {
        Entity& e = Add(EntityType::kNorp, p.first, p.end, "lexicon", p.entry);
        e.country = e.code = p.entry->code;
        break;
      }
      case Cat::kPlace: {
        if (IsHomographUsedAsWord(p)) break;
        // A place followed by a nisba of its country is one name (الجولان السوري المحتل).
        Entity& e = Add(EntityType::kLocation, p.first, p.end, "lexicon", p.entry);
        e.country = p.entry->country;
        if (p.entry->extra == "metonym" && !e.country.empty()) e.sector = "GOV";
        break;
      }
      default:
        break;
    }
  }
  for (const auto& [first, end, tag] : ner_spans_) {
    if (!Free(first, end)) continue;
    EntityType type = tag == kNerBOrg ? EntityType::kOrganization
                      : tag == kNerBLoc ? EntityType::kLocation
                                        : EntityType::kMisc;
    Add(type, first, end, "ner");
  }
}

}  // namespace rasd::internal::recognizer
