// The entity stage, step 1: lexicon phrases and their context (hamza and article
// mismatches, homographs used as words, the country attached to a role or body).
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

Recognizer::Recognizer(const EntityResources& res, const std::vector<LexiconMatch>& matches, Document* doc)
  : res_(res), doc_(doc), n_(static_cast<uint32_t>(doc->tokens.size())) {
  phrase_of_.assign(n_, -1);
  taken_.assign(n_, false);
  for (const Entity& e : doc->entities) {
    for (uint32_t t = e.first_token; t < e.first_token + e.token_count && t < n_; ++t) taken_[t] = true;
  }
  // Countries the article names unambiguously (الأردن، الأردني), to tell
  // homographs apart: عمان is Amman in an article about Jordan that never
  // otherwise names Oman.
  std::map<std::string, int> named;
  for (const LexiconMatch& m : matches) {
    std::string code;
    bool single = true;
    for (uint32_t id : m.entries) {
      const LexEntry& e = res.lexicon->entry(id);
      Cat c = CategoryOf(e);
      if (c != Cat::kCountry && c != Cat::kNisba && c != Cat::kPlace) continue;
      std::string country = c == Cat::kPlace ? e.country : e.code;
      if (country.empty()) continue;
      if (!code.empty() && code != country) single = false;
      code = country;
    }
    if (single && !code.empty()) ++named[code];
  }
  for (const LexiconMatch& m : matches) {
    Phrase p{m.first_token, m.first_token + m.token_count, Cat::kNone, nullptr, &m};
    const LexEntry* as_place = nullptr;
    const LexEntry* as_country = nullptr;
    for (uint32_t id : m.entries) {
      const LexEntry& e = res.lexicon->entry(id);
      if (CategoryOf(e) == Cat::kPlace && !e.country.empty()) as_place = &e;
      if (CategoryOf(e) == Cat::kCountry) as_country = &e;
    }
    const bool place_by_context = as_place != nullptr && as_country != nullptr &&
                                  as_place->country != as_country->code && named.count(as_place->country) &&
                                  !named.count(as_country->code);
    // A written shadda tells a city from a country spelt alike once
    // diacritics are gone (عمّان Amman, عُمان Oman).
    bool shadda = doc->Text(Span{doc->tokens[m.first_token].span.begin,
                                 doc->tokens[m.first_token + m.token_count - 1].span.end})
                      .find("\xD9\x91") != std::string_view::npos;
    for (uint32_t id : m.entries) {
      const LexEntry& e = res.lexicon->entry(id);
      Cat c = CategoryOf(e);
      if (m.token_count == 1 && (ArticleMismatch(e, m.first_token) || HamzaMismatch(e, m.first_token))) continue;
      const bool prefer_place = shadda || place_by_context;
      if (prefer_place && c == Cat::kPlace && p.cat == Cat::kCountry) {
        p.cat = c;
        p.entry = &e;
        continue;
      }
      if (prefer_place && c == Cat::kCountry && p.cat == Cat::kPlace) continue;
      if (p.cat == Cat::kNone || c < p.cat) {
        p.cat = c;
        p.entry = &e;
      }
    }
    for (uint32_t t = p.first; t < p.end; ++t) phrase_of_[t] = static_cast<int>(phrases_.size());
    phrases_.push_back(p);
  }
  sentence_of_.assign(n_, 0);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) sentence_of_[t] = s;
  }
}

void Recognizer::Run() {
  FindRoles();
  FindPersons();
  ResolvePersons();
  FindNominalMentions();
  Cluster();
  EmitAll();
  DropUnnamedHomographCountries();
  PlaceDomesticBodies();
  ResolveMetonyms();
  ResolveAnaphors();
  std::stable_sort(doc_->entities.begin(), doc_->entities.end(), [](const Entity& a, const Entity& b) {
    return a.span.begin < b.span.begin || (a.span.begin == b.span.begin && a.span.end > b.span.end);
  });
}

const Phrase* Recognizer::PhraseStartingAt(uint32_t t) const {
  const Phrase* p = PhraseAt(t);
  return p && p->first == t ? p : nullptr;
}

bool Recognizer::IsPunct(uint32_t t, std::string_view p) const {
  return t < n_ && doc_->tokens[t].kind == TokenKind::kPunctuation && doc_->Norm(doc_->tokens[t].norm) == p;
}

bool Recognizer::HamzaMismatch(const LexEntry& e, uint32_t t) const {
  static constexpr std::string_view kAlefAbove = "\xD8\xA3", kAlefBelow = "\xD8\xA5";  // أ إ
  if (e.type != EntryType::kRole) return false;
  const Token& tok = doc_->tokens[t];
  const Segment& s = doc_->segments[tok.stem()];
  const std::string_view written = std::string_view(doc_->norm).substr(s.norm.begin, tok.norm.end - s.norm.begin);
  const std::string_view listed = e.surface;
  return (written.starts_with(kAlefAbove) && listed.starts_with(kAlefBelow)) ||
         (written.starts_with(kAlefBelow) && listed.starts_with(kAlefAbove));
}

bool Recognizer::ArticleMismatch(const LexEntry& e, uint32_t t) const {
  if (e.type != EntryType::kOrganization && e.type != EntryType::kCountry && e.type != EntryType::kPersonName &&
      e.type != EntryType::kPlace) {
    return false;
  }
  const bool listed_definite = NormalizeKey(e.surface).starts_with(kArticle);
  if (e.type == EntryType::kCountry && listed_definite) return false;  // العراق also after ل (لعراق is rare)
  const Token& tok = doc_->tokens[t];
  const std::string_view stem = Stem(t);
  bool definite = stem.starts_with(kArticle);
  if (!definite && tok.stem_offset > 0 && stem.starts_with("\xD9\x84") &&
      doc_->Folded(doc_->segments[tok.stem() - 1].norm) == "\xD9\x84" && stem.substr(2) == Lexicon::KeyOf(e.surface)) {
    definite = true;  // لل: ل + the article's ل (للبنين), but لبنان after ل is لبنان
  }
  // A town listed with its article is a word without it (الخرج: خرج «went out»); one listed
  // without may still be written with it.
  if (e.type == EntryType::kPlace) return listed_definite && !definite;
  return listed_definite != definite;
}

bool Recognizer::IsHomographUsedAsWord(const Phrase& p) const {
  std::string_view word_if;
  for (uint32_t id : res_.lexicon->Lookup(p.entry->surface)) {
    const LexEntry& e = res_.lexicon->entry(id);
    if (e.type == EntryType::kCue && e.kind == "homograph_names") word_if = e.value;
  }
  if (word_if.empty()) return false;
  const Token& tok = doc_->tokens[p.first];
  if (word_if.find("with_b") != std::string_view::npos && tok.segment_count > 1 && tok.stem_offset > 0 &&
      doc_->Folded(doc_->segments[tok.stem() - 1].norm) == "\xD8\xA8") {  // ب
    return true;
  }
  if (word_if.find("before_foreign_nisba") != std::string_view::npos && p.end < n_ && SameSentence(p.first, p.end)) {
    const Phrase* next = PhraseAt(p.end);
    if (next != nullptr && next->first == p.end && next->cat == Cat::kNisba && next->entry != nullptr &&
        next->entry->code != p.entry->country) {
      return true;
    }
  }
  // A town spelt like و + a verb (ودان: «and he condemned») is the town only where a place is expected:
  // after a preposition or a noun of place (في ودان، من ودان، قرب ودان، مدينة ودان).
  if (word_if.find("unless_after_place_word") != std::string_view::npos) {
    return p.first == 0 || !SameSentence(p.first - 1, p.first) || !IsPrepositionWord(p.first - 1);
  }
  if (word_if.find("before_definite") != std::string_view::npos && p.end < n_ && SameSentence(p.first, p.end) &&
      doc_->tokens[p.end].kind == TokenKind::kWord) {
    const Phrase* next = PhraseAt(p.end);
    bool nisba = next != nullptr && next->cat == Cat::kNisba;
    if (doc_->Folded(doc_->tokens[p.end].norm).starts_with("\xD8\xA7\xD9\x84") && !nisba) return true;  // ال
  }
  return false;
}

bool Recognizer::StartsWithWaw(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  if (tok.segment_count < 2) return false;
  const Segment& s = doc_->segments[tok.first_segment];
  return s.kind == SegmentKind::kProclitic && doc_->Norm(s.norm) == kWaw;
}

std::string_view Recognizer::Stem(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  const Segment& s = doc_->segments[tok.stem()];
  return std::string_view(doc_->folded).substr(s.norm.begin, tok.norm.end - s.norm.begin);
}

std::string Recognizer::CountryOf(const Phrase& p) const {
  if (!p.entry) return "";
  if (p.cat == Cat::kCountry || p.cat == Cat::kNisba) return p.entry->code;
  if (p.cat == Cat::kOrg) return p.entry->country;
  return "";
}

bool Recognizer::HasProclitic(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  return tok.segment_count > 1 && doc_->segments[tok.first_segment].kind == SegmentKind::kProclitic;
}

const Phrase* Recognizer::AttachedCountry(uint32_t end, uint32_t sentence_token) const {
  const Phrase* next = PhraseStartingAt(end);
  if (next && (next->cat == Cat::kNisba || next->cat == Cat::kCountry) && SameSentence(sentence_token, next->first) &&
      !HasProclitic(next->first)) {
    return next;
  }
  return nullptr;
}

const Phrase* Recognizer::AttachedOrganization(uint32_t end, uint32_t sentence_token) const {
  uint32_t t = end;
  if (t < n_ && Folded(t) == "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85") ++t;  // باسم
  const Phrase* next = PhraseStartingAt(t);
  if (next == nullptr || next->cat != Cat::kOrg || !SameSentence(sentence_token, t) || IsHomographUsedAsWord(*next)) {
    return nullptr;
  }
  if (HasProclitic(t)) {
    const Token& tok = doc_->tokens[t];
    if (tok.stem_offset != 1 || doc_->Folded(doc_->segments[tok.first_segment].norm) != "\xD9\x84") return nullptr;  // ل only
  }
  return next;
}

int Recognizer::AttachedCountryPhrase(const Phrase& body) const {
  return AttachedCountry(body.end, body.first) != nullptr ? phrase_of_[body.end] : -1;
}

bool Recognizer::FusedBeh(uint32_t t) const {
  return doc_->tokens[t].segment_count > 1 && doc_->Folded(doc_->segments[doc_->tokens[t].first_segment].norm) == kBeh;
}

std::string Recognizer::SentencePlaceCountry(uint32_t t) const {
  std::string best;
  uint32_t best_distance = UINT32_MAX;
  const Sentence& sent = doc_->sentences[sentence_of_[t]];
  // phrases_ are in text order: only the sentence's are read.
  auto from = std::lower_bound(phrases_.begin(), phrases_.end(), sent.first_token,
                               [](const Phrase& q, uint32_t first) { return q.first < first; });
  for (auto it = from; it != phrases_.end() && SameSentence(t, it->first); ++it) {
    const Phrase& q = *it;
    if (q.entry == nullptr) continue;
    std::string country;
    if (q.cat == Cat::kPlace) {
      country = q.entry->country;
    } else if (q.cat == Cat::kCountry && q.first > 0 && (Folded(q.first - 1) == kFi || FusedBeh(q.first))) {
      country = q.entry->code;
    } else if (q.cat == Cat::kNisba && q.first > 0 && SameSentence(q.first - 1, q.first) && IsPlaceNoun(q.first - 1)) {
      country = q.entry->code;  // العاصمة التونسية، مدينة … الليبية
    }
    if (country.empty()) continue;
    const uint32_t distance = q.first > t ? q.first - t : t - q.first;
    if (distance < best_distance) {
      best_distance = distance;
      best = country;
    }
  }
  return best;
}

}  // namespace rasd::internal::recognizer
