// An event's resolved place as JSON (docs/output-format.md, `location` /
// `geo`): shared by the query rows and the POLECAT export. Internal to rasd_json.
#ifndef RASD_JSON_LOCATION_JSON_H_
#define RASD_JSON_LOCATION_JSON_H_

#include <nlohmann/json.hpp>

#include "rasd/document.h"

namespace rasd {

// {country, admin1, city, lat, lon, precision, text, basis}, or null when no place was resolved.
nlohmann::ordered_json LocationJson(const Location& loc);

}  // namespace rasd

#endif  // RASD_JSON_LOCATION_JSON_H_
