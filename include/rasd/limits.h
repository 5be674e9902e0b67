// rasd's input limits: the one place that states how large and how deep an
// input may be. Every reader enforces them (the CLI's JSONL and text readers,
// the server's JSON bodies, the Python module), so a hostile record costs at
// most linear time and bounded memory and is reported, never a crash.
//
//   rasd::InputLimits limits;            // the defaults below
//   if (text.size() > limits.max_article_bytes) ...
//
// docs/cli.md and docs/server.md list the same figures.
#ifndef RASD_LIMITS_H_
#define RASD_LIMITS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "rasd/status.h"

namespace rasd {

struct InputLimits {
  // One JSONL line (or one JSON request body read by the CLI or Python).
  size_t max_line_bytes = 16u << 20;
  // The text of one article (JSON `text`, a text file, a request's text).
  size_t max_article_bytes = 8u << 20;
  // Any other string field (id, date, title, source, url and unknown fields).
  size_t max_field_bytes = 1u << 20;
  // Arrays and objects nested inside one record (the record itself is 1).
  int max_depth = 64;
  // Members of one object (the record or any object nested in it).
  size_t max_keys_per_object = 10000;
  // Values of all kinds in one record, nested ones included.
  size_t max_values = 200000;
};

// Checks a calendar date written YYYY-MM-DD (years 0001-9999, real months and
// days: 2024-02-30 fails). Arabic-Indic and Extended Arabic-Indic digits are
// accepted. With `allow_time`, a time after the day ("2024-11-23T10:00:00Z",
// "2024-11-23 10:00") is accepted and ignored. Sets *day (may be null) to the
// day in ASCII digits. Fails with kInvalidArgument and a reason that quotes
// the input (at most 40 bytes of it).
Status ValidateDate(std::string_view date, bool allow_time, std::string* day);

// A year, month or day for a range: YYYY (0001-9999), YYYY-MM (a real month)
// or a date ValidateDate accepts without a time.
Status ValidateDatePrefix(std::string_view prefix);

}  // namespace rasd

#endif  // RASD_LIMITS_H_
