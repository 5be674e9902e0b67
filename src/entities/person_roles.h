// File: entities/person_roles.h
//
// Who a well-known person is on the day of the article: the lexicon holds one
// entry per name and dated role (data/lexicons/persons/*.tsv); this picks the
// person a name means and the role that person held on the date.
//
//   PersonRole r = ResolvePersonRole(lexicon, match.entries, "2021-03-04", named);
//   if (r.found) entity.code = r.code;   // SAUGOV, IGOUNO, USAELI …
//
// Rules (docs/lexicons.md, "Dated persons"):
//  - the role whose period holds the date; concurrent roles: state offices
//    first (GOV, IGO), then the most recent appointment;
//  - after the last role, or between two roles: the country of the role left,
//    sector ELI (a former official); no country (an IGO official) → no code;
//  - before the first role: the country only (nationality known, role not yet);
//  - no date: the latest role;
//  - a name several persons share: the one the article names unambiguously
//    elsewhere, else the only one in office on the date, else the one code all
//    of them share, else unresolved (found = false).
#ifndef RASD_ENTITIES_PERSON_ROLES_H_
#define RASD_ENTITIES_PERSON_ROLES_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"

namespace rasd::internal {

struct PersonRole {
  bool found = false;
  std::string person;  // person id ("" for undated persons.tsv entries)
  std::string code, country, sector;
  std::string role;    // the role held on the date, "" when none
};

// The person ids among `entries` (kPersonName entries only).
std::set<std::string> PersonIds(const Lexicon& lexicon, const std::vector<uint32_t>& entries);

// `date`: YYYY-MM-DD or "" (then the latest role). `named_in_article`: person
// ids that other, unambiguous names of the article point to.
PersonRole ResolvePersonRole(const Lexicon& lexicon, const std::vector<uint32_t>& entries, std::string_view date,
                             const std::set<std::string>& named_in_article);

}  // namespace rasd::internal

#endif  // RASD_ENTITIES_PERSON_ROLES_H_
