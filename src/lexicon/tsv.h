// The one parser for rasd's lexicon TSV files (data/README.md), used by the
// build-time compiler and for users' files at run time.
#ifndef RASD_LEXICON_TSV_H_
#define RASD_LEXICON_TSV_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

struct TsvRow {
  uint32_t line = 0;                 // 1-based line number in the file
  std::vector<std::string> fields;   // in the order of TsvFile::columns
};

struct TsvFile {
  std::string name;                          // for messages: the path as given
  std::map<std::string, std::string> header; // "source" -> "…" from "# source: …" lines
  std::vector<std::string> columns;
  std::vector<TsvRow> rows;

  // Index of `column`, or -1.
  int Column(std::string_view column) const;
};

// Parses `content`. Fails with kInvalidArgument "name:line: reason" on
// invalid UTF-8, a missing column line, a wrong field count, an empty field
// (write "-"), leading/trailing spaces in a field, or duplicate lines.
StatusOr<TsvFile> ParseTsv(std::string_view content, std::string name);

}  // namespace rasd::internal

#endif  // RASD_LEXICON_TSV_H_
