// Event exports analysts' tools read (docs/output-format.md): ICEWS-style
// tab-separated rows and POLECAT-style JSON records, from `rasd extract` and
// `rasd query` alike (both go through rasd::EventRow).
#ifndef RASD_JSON_EXPORTS_H_
#define RASD_JSON_EXPORTS_H_

#include <string>
#include <vector>

#include "rasd/document.h"
#include "rasd/storage.h"

namespace rasd {

// The events of `doc` as the store returns them (article fields: `source`,
// `title`, `url` as given).
std::vector<EventRow> EventRowsOf(const Document& doc, const std::string& source = "",
                                  const std::string& title = "", const std::string& url = "");

// The ICEWS header line: Event ID, Event Date, Source Name, Source Sectors,
// Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target
// Sectors, Target Country, Story ID, Sentence Number, Publisher, City,
// District, Province, Country, Latitude, Longitude.
void AppendIcewsHeader(std::string* out);
// One ICEWS row per actor x recipient pair of `row` (an event without a
// recipient: one row with empty target fields). Tabs and line breaks inside
// fields become spaces.
void AppendIcewsRows(const EventRow& row, std::string* out);

// One POLECAT-style JSON record (no newline): event_type, mode, context,
// actors and recipients with names, countries and sectors, location, date,
// source sentence, Goldstein and intensity, ids.
void AppendPolecatJson(const EventRow& row, std::string* out);

}  // namespace rasd

#endif  // RASD_JSON_EXPORTS_H_
