#include "entities/person_roles.h"

#include <map>

namespace rasd::internal {
namespace {

// A person id; an undated persons.tsv line is a person of its own.
std::string IdOf(const LexEntry& e) {
  return e.kind.empty() ? "line:" + std::to_string(e.file) + ":" + std::to_string(e.line) : e.kind;
}

// Dates of different precision compare on the shorter one: 2019-10 holds 2019-10-15.
bool StartedBy(const LexEntry& e, std::string_view date) { return e.from.empty() || date.substr(0, e.from.size()) >= e.from; }
bool EndedBefore(const LexEntry& e, std::string_view date) { return !e.to.empty() && date.substr(0, e.to.size()) > e.to; }
bool HeldOn(const LexEntry& e, std::string_view date) { return StartedBy(e, date) && !EndedBefore(e, date); }

// State offices make the news the person is in: a minister who also leads a party acts as the minister.
int SectorRank(const LexEntry& e) {
  if (e.sector == "GOV" || e.code.starts_with("IGO")) return 0;
  if (e.sector == "MIL" || e.sector == "LEG" || e.sector == "JUD" || e.sector == "SPY" || e.sector == "COP") return 1;
  return 2;
}

PersonRole FromEntry(const LexEntry& e) {
  PersonRole r;
  r.found = true;
  r.person = e.kind;
  r.code = e.code.empty() ? e.country + e.sector : e.code;
  r.country = e.country;
  r.sector = e.sector;
  r.role = e.value;
  return r;
}

PersonRole ResolveOne(const std::vector<const LexEntry*>& lines, std::string_view date) {
  const LexEntry* best = nullptr;
  if (date.empty()) {
    // The latest role: ongoing first, then the latest end, then the latest start.
    auto end_of = [](const LexEntry* e) { return e->to.empty() ? std::string("9999") : e->to; };
    for (const LexEntry* e : lines) {
      if (best == nullptr || end_of(e) > end_of(best) || (end_of(e) == end_of(best) && e->from > best->from)) best = e;
    }
    return FromEntry(*best);
  }
  for (const LexEntry* e : lines) {
    if (!HeldOn(*e, date)) continue;
    if (best == nullptr || SectorRank(*e) < SectorRank(*best) ||
        (SectorRank(*e) == SectorRank(*best) && e->from > best->from)) {
      best = e;
    }
  }
  if (best != nullptr) return FromEntry(*best);
  // Out of office: the last role left makes a former official of its country.
  for (const LexEntry* e : lines) {
    if (EndedBefore(*e, date) && (best == nullptr || e->to > best->to)) best = e;
  }
  if (best != nullptr) {
    PersonRole r = FromEntry(*best);
    r.role = "former " + best->value;
    r.sector = "ELI";
    r.code = r.country.empty() ? "" : r.country + "ELI";
    return r;
  }
  // Before the first role: the nationality is known, the role is not yet.
  for (const LexEntry* e : lines) {
    if (best == nullptr || e->from < best->from) best = e;
  }
  PersonRole r = FromEntry(*best);
  r.role.clear();
  r.sector.clear();
  r.code = r.country;
  return r;
}

}  // namespace

std::set<std::string> PersonIds(const Lexicon& lexicon, const std::vector<uint32_t>& entries) {
  std::set<std::string> ids;
  for (uint32_t id : entries) {
    const LexEntry& e = lexicon.entry(id);
    if (e.type == EntryType::kPersonName) ids.insert(IdOf(e));
  }
  return ids;
}

PersonRole ResolvePersonRole(const Lexicon& lexicon, const std::vector<uint32_t>& entries, std::string_view date,
                             const std::set<std::string>& named_in_article) {
  std::map<std::string, std::vector<const LexEntry*>> lines_of;
  for (uint32_t id : entries) {
    const LexEntry& e = lexicon.entry(id);
    if (e.type == EntryType::kPersonName) lines_of[IdOf(e)].push_back(&e);
  }
  if (lines_of.empty()) return {};
  if (lines_of.size() == 1) return ResolveOne(lines_of.begin()->second, date);
  // A shared name: the person the article names elsewhere without doubt …
  const std::vector<const LexEntry*>* only = nullptr;
  int count = 0;
  for (const auto& [person, lines] : lines_of) {
    if (named_in_article.count(person)) {
      only = &lines;
      ++count;
    }
  }
  if (count == 1) return ResolveOne(*only, date);
  // … else the only one in office on the date …
  if (!date.empty()) {
    count = 0;
    for (const auto& [person, lines] : lines_of) {
      bool in_office = false;
      for (const LexEntry* e : lines) in_office |= HeldOn(*e, date);
      if (in_office) {
        only = &lines;
        ++count;
      }
    }
    if (count == 1) return ResolveOne(*only, date);
  }
  // … else the actor they all resolve to, if it is one.
  PersonRole first = ResolveOne(lines_of.begin()->second, date);
  for (const auto& [person, lines] : lines_of) {
    PersonRole r = ResolveOne(lines, date);
    if (r.code != first.code || r.sector != first.sector) return {};
  }
  first.person.clear();
  return first;
}

}  // namespace rasd::internal
