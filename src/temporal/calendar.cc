#include "temporal/calendar.h"

#include <cstdio>

namespace rasd::internal {
namespace {

struct UmmAlQuraYear {
  int32_t jdn;    // Julian day number of 1 Muharram
  uint16_t mask;  // bit m-1 set: month m has 30 days
};
constexpr int kUmmAlQuraFirst = 1300;
constexpr UmmAlQuraYear kUmmAlQura[] = {
#include "temporal/umalqura_table.inc"
};
constexpr int kUmmAlQuraLast = kUmmAlQuraFirst + static_cast<int>(sizeof(kUmmAlQura) / sizeof(kUmmAlQura[0])) - 1;
constexpr int64_t kUnixEpochJdn = 2440588;  // 1970-01-01

bool InTable(int y) { return y >= kUmmAlQuraFirst && y <= kUmmAlQuraLast; }

// Tabular Islamic calendar, civil epoch (1 Muharram 1 AH = JDN 1948440),
// leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle.
int64_t TabularJdn(int y, int m, int d) {
  return d + (59 * (m - 1) + 1) / 2 + (static_cast<int64_t>(y) - 1) * 354 + (3 + 11 * static_cast<int64_t>(y)) / 30 +
         1948439;
}

}  // namespace

int64_t DaysFromCivil(int y, int m, int d) {
  // H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) { return y >= 1 && y <= 9999 && d >= 1 && d <= DaysInMonth(y, m); }

int IsoWeekday(int64_t days) { return static_cast<int>(((days % 7 + 7) % 7 + 3) % 7 + 1); }

bool ParseIsoDate(std::string_view s, int64_t* days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](size_t b, size_t n, int* out) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d) || !IsValidDate(y, m, d)) return false;
  *days = DaysFromCivil(y, m, d);
  return true;
}

std::string IsoDay(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string IsoMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

std::string IsoYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d", y);
  return buf;
}

int HijriMonthLength(int y, int m) {
  if (InTable(y)) return (kUmmAlQura[y - kUmmAlQuraFirst].mask >> (m - 1)) & 1 ? 30 : 29;
  if (m % 2 == 1) return 30;
  if (m == 12 && (14 + 11 * y) % 30 < 11) return 30;
  return 29;
}

bool HijriToDays(int y, int m, int d, int64_t* days) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > HijriMonthLength(y, m)) return false;
  int64_t jdn;
  if (InTable(y)) {
    jdn = kUmmAlQura[y - kUmmAlQuraFirst].jdn;
    for (int k = 1; k < m; ++k) jdn += HijriMonthLength(y, k);
    jdn += d - 1;
  } else {
    jdn = TabularJdn(y, m, d);
  }
  *days = jdn - kUnixEpochJdn;
  return true;
}

}  // namespace rasd::internal
