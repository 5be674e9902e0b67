// The entity stage, step 2: role phrases, persons and nominal mentions, who they
// are on the article's date (dated lexicons), and coreference clusters.
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

void Recognizer::FindRoles() {
  for (size_t i = 0; i < phrases_.size(); ++i) {
    const Phrase& p = phrases_[i];
    if (p.cat != Cat::kRole) continue;
    RolePhrase r;
    r.first = p.first;
    r.end = r.chain_end = p.end;
    r.sector = p.entry->sector;
    r.rank = p.entry->kind;
    r.head = std::string(Lexicon::KeyOf(p.entry->surface));
    r.coordinated = StartsWithWaw(p.first);
    // A country or nisba right after the role is the holder's country.
    if (const Phrase* next = AttachedCountry(p.end, p.first)) {
      r.country = next->entry->code;
      r.has_nisba = next->cat == Cat::kNisba;
      r.end = r.chain_end = next->end;
    } else if (const Phrase* org = AttachedOrganization(p.end, p.first)) {
      // An office of an organisation: زعيم جماعة الحوثي، الأمين العام للأمم المتحدة،
      // المتحدث باسم حركة حماس، المبعوث الأممي. The holder acts for it.
      r.code = org->entry->code;
      r.country = org->entry->country;
      if (!org->entry->sector.empty()) r.sector = org->entry->sector;
      r.end = r.chain_end = org->end;
    }
    // Further attachments in a short window: في/ب + organisation with a
    // country, or لدى + country (where a diplomat is posted).
    for (uint32_t t = r.end; t < n_ && t < r.end + 9 && SameSentence(p.first, t);) {
      if (doc_->tokens[t].kind == TokenKind::kPunctuation) break;
      const Phrase* q = PhraseStartingAt(t);
      if (q && (q->cat == Cat::kRole || q->cat == Cat::kHonorific) && !StartsWithWaw(t)) break;
      if (q && q->cat == Cat::kRole) break;  // a coordinated role: its own phrase
      const bool after_min = t > 0 && Folded(t - 1) == kMin;  // مسلحون من تنظيم داعش، محتجون من لبنان
      bool after_prep = t > 0 && (Folded(t - 1) == kFi || Folded(t - 1) == kLadaa || after_min ||
                                  Folded(t - 1) == "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85");  // باسم
      bool fused_prep = FusedBeh(t);
      if (q && (q->cat == Cat::kOrg || q->cat == Cat::kGovBody) && (after_prep || fused_prep)) {
        std::string c = CountryOf(*q);
        if (q->cat == Cat::kGovBody) {
          int cp = AttachedCountryPhrase(*q);
          if (cp >= 0) c = CountryOf(phrases_[cp]);
          uint32_t end = cp >= 0 ? phrases_[cp].end : q->end;
          if (!c.empty() && r.country.empty()) r.country = c;
          if (r.sector.empty()) r.sector = q->entry->sector;  // المتحدثة باسم الجيش الإسرائيلي: MIL
          r.chain_end = end;
          t = end;
          if (!c.empty()) break;
          continue;
        }
        if (q->cat == Cat::kOrg && r.code.empty() && r.country.empty()) {
          // An office or a member of an organisation acts for it: قيادي في حركة فتح.
          r.code = q->entry->code;
          if (!q->entry->sector.empty()) r.sector = q->entry->sector;
        }
        if (!c.empty() && r.country.empty()) r.country = c;
        r.chain_end = q->end;
        break;
      }
      if (q && q->cat == Cat::kCountry && after_min && r.country.empty() && kGroupRanks.count(r.rank)) {
        r.country = q->entry->code;
        r.chain_end = q->end;
        break;
      }
      // Where the holder serves: السفير السعودي في واشنطن، قائد الشرطة في البصرة.
      if (q && q->cat == Cat::kPlace && t > 0 && Folded(t - 1) == kFi) {
        if (r.country.empty()) r.country = q->entry->country;
        r.chain_end = q->end;
        break;
      }
      if (q && q->cat == Cat::kCountry && t > 0 && Folded(t - 1) == kLadaa) {
        r.posted_to = q->entry->code;
        r.chain_end = q->end;
        break;
      }
      t = q ? q->end : t + 1;
    }
    // A role phrase that names its organisation inside (الأمين العام للأمم المتحدة، المبعوث الأممي).
    for (uint32_t t = p.first + 1; t < p.end && r.code.empty() && r.country.empty(); ++t) {
      LexiconMatch inner = res_.lexicon->MatchAt(*doc_, t, p.end);
      for (uint32_t id : inner.entries) {
        const LexEntry& e = res_.lexicon->entry(id);
        if (e.type != EntryType::kOrganization) continue;
        r.code = e.code;
        r.country = e.country;
        if (!e.sector.empty()) r.sector = e.sector;
        break;
      }
    }
    // Unnamed people are the people of the place the sentence reports from
    // (قتل 12 شخصا في انفجار … في الموصل: IRQ CVL; docs/annotation.md), armed men excepted.
    if (r.country.empty() && r.code.empty() && kGroupRanks.count(r.rank) && r.rank != "rebel") {
      r.country = SentencePlaceCountry(p.first);
    }
    roles_.push_back(r);
  }
}

bool Recognizer::NameToken(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  if (tok.kind != TokenKind::kWord && tok.kind != TokenKind::kLatin) return false;
  if (taken_[t]) return false;
  if (const Phrase* p = PhraseAt(t)) {
    switch (p->cat) {
      case Cat::kOrg: case Cat::kCountry: case Cat::kGovBody: case Cat::kRole: case Cat::kNisba:
      case Cat::kPlace: case Cat::kHonorific: case Cat::kFunction:
        return false;
      case Cat::kTime:
        // الجمعة is a day; جمعة without the article is a name.
        if (Folded(t).starts_with(kArticle)) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

uint32_t Recognizer::ExtendName(uint32_t start, uint32_t limit) const {
  uint32_t j = start;
  while (j < n_ && j < limit && j - start < 5 && SameSentence(start, j) && NameToken(j)) {
    if (j > start && StartsWithWaw(j)) break;  // و starts a new conjunct
    ++j;
  }
  return j;
}

void Recognizer::AddPersonSpan(uint32_t first, uint32_t end) {
  if (end <= first) return;
  for (PersonMention& m : persons_) {
    if (m.named && first < m.end && m.first < end) {  // overlap: merge
      m.first = std::min(m.first, first);
      m.end = std::max(m.end, end);
      return;
    }
  }
  PersonMention m;
  m.first = first;
  m.end = end;
  persons_.push_back(m);
}

void Recognizer::FindPersons() {
  // The statistical tagger's persons, trimmed at lexicon words it ran into.
  if (res_.tagger != nullptr) {
    // The tagger's features: lexicon cues and, for models trained with it,
    // the tags it gave the same words earlier in the article.
    std::vector<std::string_view> words;
    std::vector<Span> spans;
    std::vector<uint64_t> history_keys;
    std::vector<std::vector<std::string>> cues;
    std::vector<uint8_t> tags;
    NerHistory history;
    const bool use_history = res_.tagger->uses_history();
    for (const Sentence& s : doc_->sentences) {
      words.clear();
      spans.clear();
      history_keys.clear();
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        words.push_back(doc_->Text(doc_->tokens[t].span));
        spans.push_back(doc_->tokens[t].span);
      }
      if (use_history) AppendNerHistoryKeys(words, &history_keys);
      // Cleared, not reassigned: the per-token lists keep their capacity.
      cues.resize(words.size());
      for (std::vector<std::string>& list : cues) list.clear();
      if (res_.tagger->uses_lexicon_cues()) ComputeLexiconCues(*doc_, *res_.lexicon, *res_.matches, spans, &cues);
      if (use_history) history.AddCues(history_keys, &cues);
      res_.tagger->Tag(words, cues, &tags);
      if (use_history) history.Update(history_keys, tags);
      for (uint32_t k = 0; k < words.size(); ++k) {
        uint8_t tag = tags[k];
        if (tag != kNerBPers && tag != kNerBOrg && tag != kNerBLoc && tag != kNerBMisc) continue;
        uint32_t e = k + 1;
        while (e < words.size() && tags[e] == tag + 1) ++e;
        uint32_t first = s.first_token + k, end = s.first_token + e;
        if (tag == kNerBPers) {
          uint32_t name_end = ExtendName(first, end);
          // Names seldom start with the article: الدائمة للشعب is no person
          // unless a title or role stands right before it.
          bool context = first > 0 && PhraseAt(first - 1) &&
                         (PhraseAt(first - 1)->cat == Cat::kRole || PhraseAt(first - 1)->cat == Cat::kHonorific);
          if (Stem(first).starts_with(kArticle) && !context) name_end = first;
          AddPersonSpan(first, name_end);
        } else {
          ner_spans_.push_back({first, end, tag});
        }
        k = e - 1;
      }
    }
  }
  // Well-known persons from the lexicon (ترمب، محمود عباس), with the role
  // each holds on the article's date; a name two persons share goes to the
  // one another name of the article points to (entities/person_roles.h).
  std::set<std::string> unambiguous;
  for (const Phrase& p : phrases_) {
    if (p.cat != Cat::kPersonName) continue;
    std::set<std::string> ids = PersonIds(*res_.lexicon, p.match->entries);
    if (ids.size() == 1) unambiguous.insert(*ids.begin());
  }
  for (const Phrase& p : phrases_) {
    if (p.cat != Cat::kPersonName || !Free(p.first, p.end)) continue;
    AddPersonSpan(p.first, p.end);
    known_person_[p.first] = ResolvePersonRole(*res_.lexicon, p.match->entries, doc_->date, unambiguous);
  }
  // Honorific + name: السيد روان جمعة بيك، د. منتصر أبو زيد.
  for (const Phrase& p : phrases_) {
    if (p.cat != Cat::kHonorific) continue;
    if (Stem(p.first).starts_with(kArticle) && !NormalizeKey(p.entry->surface).starts_with(kArticle)) continue;
    uint32_t start = p.end;
    uint32_t end = ExtendName(start, n_);
    if (end > start && SameSentence(p.first, start)) AddPersonSpan(start, end);
  }
  std::sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
    return a.first < b.first;
  });
  // A role followed by (the end of) a name already met: السفير المنصوري.
  size_t named = persons_.size();
  for (const RolePhrase& r : roles_) {
    uint32_t t = r.end;
    if (t >= n_ || !NameToken(t)) continue;
    bool known = false;
    for (size_t i = 0; i < named && !known; ++i) {
      const PersonMention& p = persons_[i];
      if (p.first >= t) break;
      for (uint32_t k = p.first; k < p.end && !known; ++k) known = Stem(k) == Stem(t);
    }
    bool already = false;
    for (const PersonMention& p : persons_) already |= t >= p.first && t < p.end;
    if (known && !already) AddPersonSpan(t, t + 1);
  }
  // A surname met before as the end of a full name (أيمن الصفدي … وأعرب الصفدي).
  named = persons_.size();
  for (uint32_t t = 0; t < n_; ++t) {
    if (!NameToken(t)) continue;
    bool inside = false, known = false;
    for (size_t i = 0; i < named; ++i) {
      const PersonMention& p = persons_[i];
      inside |= t >= p.first && t < p.end;
      known |= p.end < t + 1 && p.end - p.first >= 2 && Stem(p.end - 1) == Stem(t);
    }
    if (known && !inside) AddPersonSpan(t, t + 1);
  }
  std::sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
    return a.first < b.first;
  });
}

void Recognizer::FindNominalMentions() {
  std::vector<bool> attached(roles_.size(), false);
  for (const PersonMention& m : persons_) {
    for (int i : m.roles) attached[i] = true;
  }
  for (size_t i = 0; i < roles_.size(); ++i) {
    const RolePhrase& r = roles_[i];
    if (attached[i]) continue;
    bool name_follows = false;
    for (const PersonMention& m : persons_) name_follows |= m.first >= r.end && m.first <= r.end + 1;
    if (name_follows) continue;
    PersonMention m;
    m.first = r.first;
    m.end = r.end;
    m.named = false;
    m.roles.push_back(static_cast<int>(i));
    SetActor(m);
    nominal_.push_back(m);
  }
}

void Recognizer::ResolvePersons() {
  for (PersonMention& m : persons_) {
    // Backwards.
    uint32_t pos = m.first;
    while (pos > 0) {
      uint32_t t = pos - 1;
      if (const Phrase* p = PhraseAt(t); p && p->cat == Cat::kHonorific && p->end == pos) {
        pos = p->first;
        continue;
      }
      if (IsComma(t)) {
        pos = t;
        continue;
      }
      break;
    }
    for (int guard = 0; guard < 4; ++guard) {
      int found = -1;
      for (size_t i = 0; i < roles_.size(); ++i) {
        if ((roles_[i].chain_end == pos || roles_[i].end == pos) && SameSentence(roles_[i].first, m.first)) {
          found = static_cast<int>(i);
        }
      }
      if (found < 0) break;
      m.roles.insert(m.roles.begin(), found);
      if (!roles_[found].coordinated) break;
      pos = roles_[found].first;
    }
    // Forwards: name، role و role …
    pos = m.end;
    if (IsComma(pos)) ++pos;
    for (int guard = 0; guard < 4; ++guard) {
      int found = -1;
      for (size_t i = 0; i < roles_.size(); ++i) {
        if (roles_[i].first == pos && SameSentence(pos, m.first)) found = static_cast<int>(i);
      }
      if (found < 0) break;
      if (std::find(m.roles.begin(), m.roles.end(), found) == m.roles.end()) m.roles.push_back(found);
      pos = roles_[found].chain_end;
      if (pos < n_ && !StartsWithWaw(pos)) {
        // Another role joined by و continues the apposition; anything else ends it.
        bool next_is_role = false;
        for (const RolePhrase& r : roles_) next_is_role |= r.first == pos && r.coordinated;
        if (!next_is_role) break;
      }
    }
    SetActor(m);
  }
}

void Recognizer::SetActor(PersonMention& m) const {
  for (int i : m.roles) {
    const RolePhrase& r = roles_[i];
    if (m.code.empty() && m.country.empty() && !r.code.empty()) {
      m.code = r.code;
      m.country = r.country;
      m.sector = r.sector;
    }
    if (m.country.empty() && !r.country.empty()) m.country = r.country;
    if (m.sector.empty() && !r.sector.empty()) m.sector = r.sector;
  }
  // A well-known person's role on the date comes first; before the first
  // role only the nationality is known, and a role in the text gives the sector.
  for (uint32_t t = m.first; t < m.end; ++t) {
    auto it = known_person_.find(t);
    if (it == known_person_.end()) continue;
    const PersonRole& r = it->second;
    if (!r.found) break;
    if (!r.sector.empty()) {
      m.country = r.country;
      m.sector = r.sector;
      m.code = r.code;
    } else if (!r.country.empty()) {
      m.country = r.country;
    }
    break;
  }
}

bool Recognizer::SameName(const PersonMention& later, const PersonMention& earlier) const {
  // Every word of the later name appears, in order and contiguously, in the earlier one.
  uint32_t len = later.end - later.first;
  uint32_t elen = earlier.end - earlier.first;
  if (len == 0 || len > elen) return false;
  for (uint32_t off = 0; off + len <= elen; ++off) {
    bool all = true;
    for (uint32_t k = 0; k < len && all; ++k) all = Stem(later.first + k) == Stem(earlier.first + off + k);
    if (all) return true;
  }
  return false;
}

void Recognizer::Cluster() {
  // Named persons: a later name that repeats (part of) an earlier one joins it.
  for (size_t i = 0; i < persons_.size(); ++i) {
    for (size_t j = 0; j < i && persons_[i].cluster < 0; ++j) {
      if (SameName(persons_[i], persons_[j])) persons_[i].cluster = persons_[j].cluster;
    }
    if (persons_[i].cluster < 0) persons_[i].cluster = next_cluster_++;
  }
  // Each cluster's actor: a known person's dated code, else the first
  // mention that has a country and the first that has a sector.
  struct Actor {
    std::string country, sector, code;
  };
  std::vector<Actor> actor(next_cluster_);
  for (const PersonMention& m : persons_) {
    Actor& a = actor[m.cluster];
    if (a.code.empty() && !m.code.empty()) a = {m.country, m.sector, m.code};
  }
  for (const PersonMention& m : persons_) {
    Actor& a = actor[m.cluster];
    if (!a.code.empty()) continue;
    if (a.country.empty() && !m.country.empty()) a.country = m.country;
    if (a.sector.empty() && !m.sector.empty()) a.sector = m.sector;
  }
  for (PersonMention& m : persons_) {
    const Actor& a = actor[m.cluster];
    if (!a.code.empty() && m.code.empty()) {
      m.country = a.country;
      m.sector = a.sector;
      m.code = a.code;
      continue;
    }
    if (m.country.empty()) m.country = a.country;
    if (m.sector.empty()) m.sector = a.sector;
  }
  // Nominal mentions: a role with a nationality joins the person of that
  // country holding the same role (or the first one named, for a generic
  // "official"); a bare role joins the one person holding it.
  for (PersonMention& m : nominal_) {
    const RolePhrase& r = roles_[m.roles[0]];
    int best = -1, same_head = -1, count_head = 0;
    for (const PersonMention& p : persons_) {
      if (p.first > m.first) break;
      bool has_rank = false, has_head = false;
      for (int i : p.roles) {
        has_rank |= roles_[i].rank == r.rank;
        has_head |= roles_[i].head == r.head;
      }
      if (!r.country.empty()) {
        if (p.country != r.country) continue;
        if (best < 0 && (r.rank == "generic" || has_rank)) best = p.cluster;
      }
      if (has_head && (r.country.empty() || p.country == r.country)) {
        if (same_head != p.cluster) ++count_head;
        if (same_head < 0) same_head = p.cluster;
      }
    }
    if (!r.country.empty()) {
      // A generic word (المسؤول الكازاخستاني) means the most prominent
      // person of that country: the first one named.
      m.cluster = same_head >= 0 && r.rank != "generic" ? same_head : best;
    } else if (count_head == 1) {
      m.cluster = same_head;
    }
    if (m.cluster >= 0) {
      for (const PersonMention& p : persons_) {
        if (p.cluster == m.cluster) {
          if (!p.code.empty()) {
            m.country = p.country;
            m.sector = p.sector;
            m.code = p.code;
          }
          if (m.country.empty()) m.country = p.country;
          if (m.sector.empty()) m.sector = p.sector;
        }
      }
    }
  }
}

}  // namespace rasd::internal::recognizer
