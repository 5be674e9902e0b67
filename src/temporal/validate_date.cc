// rasd::ValidateDate (include/rasd/limits.h): the one check every entry point
// (CLI options, JSONL records, server requests, Python) applies to dates.
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "rasd/limits.h"
#include "temporal/calendar.h"

namespace rasd {

namespace {

// The quoted input in an error message: bounded, and repaired so that the
// message itself is valid UTF-8.
std::string Quote(std::string_view s) {
  size_t replaced = 0;
  std::string q = internal::RepairUtf8(s.substr(0, 40), &replaced);
  return "'" + q + (s.size() > 40 ? "…'" : "'");
}

}  // namespace

Status ValidateDate(std::string_view date, bool allow_time, std::string* day) {
  // ASCII digits from Arabic-Indic (U+0660-0669) and Extended Arabic-Indic
  // (U+06F0-06F9) ones, which Arabic sources write in dates.
  std::string ascii;
  size_t i = 0;
  while (i < date.size() && ascii.size() < 10) {
    int len = 0;
    const char32_t cp = internal::DecodeUtf8(date, i, &len);
    if (cp >= 0x660 && cp <= 0x669) {
      ascii += static_cast<char>('0' + (cp - 0x660));
    } else if (cp >= 0x6F0 && cp <= 0x6F9) {
      ascii += static_cast<char>('0' + (cp - 0x6F0));
    } else if (cp < 0x80) {
      ascii += static_cast<char>(cp);
    } else {
      break;
    }
    i += static_cast<size_t>(len);
  }
  const std::string_view rest = date.substr(i);
  const bool time_ok = rest.empty() || (allow_time && (rest[0] == 'T' || rest[0] == ' '));
  int64_t days = 0;
  if (ascii.size() != 10 || !time_ok || !internal::ParseIsoDate(ascii, &days)) {
    return InvalidArgumentError(std::string("date ") + Quote(date) + " is not a real calendar date YYYY-MM-DD" +
                                (allow_time ? " (optionally followed by a time)" : ""));
  }
  if (day != nullptr) *day = ascii;
  return Status::Ok();
}

Status ValidateDatePrefix(std::string_view prefix) {
  auto digits = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (prefix[i] < '0' || prefix[i] > '9') return -1;
      v = v * 10 + (prefix[i] - '0');
    }
    return v;
  };
  if (prefix.size() == 4 && digits(0, 4) >= 1) return Status::Ok();
  if (prefix.size() == 7 && prefix[4] == '-' && digits(0, 4) >= 1 && digits(5, 2) >= 1 && digits(5, 2) <= 12) {
    return Status::Ok();
  }
  if (prefix.size() == 10 && ValidateDate(prefix, false, nullptr).ok()) return Status::Ok();
  return InvalidArgumentError(Quote(prefix) + " is not a real year YYYY, month YYYY-MM or date YYYY-MM-DD");
}

}  // namespace rasd
