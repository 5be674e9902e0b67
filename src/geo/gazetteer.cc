#include "geo/gazetteer.h"

#include <cstdlib>

#include "lexicon/tsv.h"
#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

std::string Field(const TsvRow& row, int column) {
  const std::string& v = row.fields[static_cast<size_t>(column)];
  return v == "-" ? std::string() : v;
}

bool ParseCoordinate(const std::string& text, double limit, double* out) {
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end != text.c_str() && *end == '\0' && *out >= -limit && *out <= limit;
}

}  // namespace

StatusOr<Gazetteer> Gazetteer::FromTsv(std::string_view tsv, const std::string& name) {
  auto file = ParseTsv(tsv, name);
  if (!file.ok()) return file.status();
  int col[8];
  const char* names[8] = {"surface", "kind", "country", "admin1", "city", "lat", "lon", "precision"};
  for (int i = 0; i < 8; ++i) {
    col[i] = file->Column(names[i]);
    if (col[i] < 0) return InvalidArgumentError(name + ": no column '" + names[i] + "'");
  }
  Gazetteer g;
  for (const TsvRow& row : file->rows) {
    auto fail = [&](const std::string& why) {
      return InvalidArgumentError(name + ":" + std::to_string(row.line) + ": " + why);
    };
    GazetteerPlace p;
    p.country = Field(row, col[2]);
    p.admin1 = Field(row, col[3]);
    p.city = Field(row, col[4]);
    p.precision = Field(row, col[7]);
    if (!ParseCoordinate(row.fields[static_cast<size_t>(col[5])], 90, &p.lat)) return fail("latitude not in [-90, 90]");
    if (!ParseCoordinate(row.fields[static_cast<size_t>(col[6])], 180, &p.lon)) {
      return fail("longitude not in [-180, 180]");
    }
    if (p.precision != "city" && p.precision != "admin1" && p.precision != "country" && p.precision != "region") {
      return fail("precision must be city, admin1, country or region");
    }
    const std::string& surface = row.fields[static_cast<size_t>(col[0])];
    size_t index = g.places_.size();
    if (row.fields[static_cast<size_t>(col[1])] == "country") {
      g.countries_[surface] = index;
    } else {
      g.by_key_[NormalizeKey(surface)].push_back(index);
    }
    g.places_.push_back(std::move(p));
  }
  return g;
}

const GazetteerPlace* Gazetteer::Find(std::string_view surface, std::string_view country) const {
  auto it = by_key_.find(NormalizeKey(surface));
  if (it == by_key_.end()) return nullptr;
  for (size_t i : it->second) {
    if (places_[i].country == country) return &places_[i];
  }
  return &places_[it->second.front()];
}

const GazetteerPlace* Gazetteer::Country(std::string_view alpha3) const {
  auto it = countries_.find(std::string(alpha3));
  return it == countries_.end() ? nullptr : &places_[it->second];
}

}  // namespace rasd::internal
