// The gazetteer: coordinates of the places the lexicons know
// (data/geo/gazetteer.tsv, made by tools/geo/make_gazetteer.mjs) and of every
// country. Immutable after FromTsv; safe to share between threads.
#ifndef RASD_GEO_GAZETTEER_H_
#define RASD_GEO_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

struct GazetteerPlace {
  std::string country;    // ISO alpha-3, or "" (spans countries, or disputed)
  std::string admin1;     // English name, or ""
  std::string city;       // English name, or ""
  double lat = 0;
  double lon = 0;
  std::string precision;  // "city", "admin1", "country", "region"
};

class Gazetteer {
 public:
  // Parses the TSV (columns surface, kind, country, admin1, city, lat, lon,
  // precision; "-" for none). Fails with "name:line: reason" on a missing
  // column, a coordinate out of range or an unknown precision.
  static StatusOr<Gazetteer> FromTsv(std::string_view tsv, const std::string& name = "gazetteer.tsv");

  // The place named `surface` (any spelling that folds the same way:
  // rasd::NormalizeKey), preferring the one in `country` when the name is
  // shared (طرابلس: Tripoli in Libya and in Lebanon). Null when unknown.
  const GazetteerPlace* Find(std::string_view surface, std::string_view country) const;
  // The representative point of a country (ISO alpha-3), or null.
  const GazetteerPlace* Country(std::string_view alpha3) const;

  size_t size() const { return places_.size(); }

 private:
  std::vector<GazetteerPlace> places_;
  std::unordered_map<std::string, std::vector<size_t>> by_key_;  // folded surface -> places_
  std::unordered_map<std::string, size_t> countries_;            // alpha-3 -> places_
};

}  // namespace rasd::internal

#endif  // RASD_GEO_GAZETTEER_H_
