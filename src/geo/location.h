// Event locations: the place an event's sentence names (Event::place), else
// the dateline of the story the sentence belongs to ("بيروت - …"), resolved to
// country, first-level division, city and coordinates by the gazetteer. Runs
// after events are found; it never changes which events there are.
#ifndef RASD_GEO_LOCATION_H_
#define RASD_GEO_LOCATION_H_

#include "geo/gazetteer.h"
#include "rasd/document.h"

namespace rasd::internal {

// Fills Event::location of every event of `doc` (entities and events done).
// A place the gazetteer does not know but whose country the lexicons give
// gets the country at precision "country"; a place with neither, and an
// event with no place and no dateline, get no location (precision "").
void ResolveLocations(const Gazetteer& gazetteer, Document* doc);

}  // namespace rasd::internal

#endif  // RASD_GEO_LOCATION_H_
