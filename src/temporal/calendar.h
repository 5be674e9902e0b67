// Calendar arithmetic for date resolution: proleptic Gregorian days, ISO
// weekdays, and Hijri -> Gregorian conversion (Umm al-Qura table for
// 1300-1600 AH generated from ICU by tools/gen_umalqura_table.cc; the
// tabular Islamic calendar outside that range).
#ifndef RASD_TEMPORAL_CALENDAR_H_
#define RASD_TEMPORAL_CALENDAR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::internal {

// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
int64_t DaysFromCivil(int y, int m, int d);
void CivilFromDays(int64_t days, int* y, int* m, int* d);
int DaysInMonth(int y, int m);  // 0 when m is not 1-12
bool IsValidDate(int y, int m, int d);

// 1 = Monday ... 7 = Sunday.
int IsoWeekday(int64_t days);

// Parses "YYYY-MM-DD" (a valid date); false otherwise.
bool ParseIsoDate(std::string_view s, int64_t* days);

std::string IsoDay(int64_t days);    // "2024-11-22"
std::string IsoMonth(int y, int m);  // "2024-11"
std::string IsoYear(int y);          // "2024"

// Length of Hijri month m (1-12) of year y (29 or 30).
int HijriMonthLength(int y, int m);
// Gregorian days of Hijri y-m-d; false when the date is invalid (y < 1, day
// beyond the month). Umm al-Qura for 1300-1600 AH, tabular (civil epoch) outside.
bool HijriToDays(int y, int m, int d, int64_t* days);

}  // namespace rasd::internal

#endif  // RASD_TEMPORAL_CALENDAR_H_
