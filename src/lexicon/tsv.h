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

// Calls fn(line_number, line) for every line of `tsv` that is neither blank
// nor a '#' comment (1-based numbers; a trailing CR removed; `line` views into
// `tsv`). fn returns a Status; the first error stops the walk and is returned.
// The one line walker of every tab-separated file rasd reads.
template <typename Fn>
Status ForEachDataLine(std::string_view tsv, Fn fn) {
  size_t pos = 0;
  uint32_t line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Status s = fn(line_no, line);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Parses `content`. Fails with kInvalidArgument "name:line: reason" on
// invalid UTF-8, a missing column line, a wrong field count, an empty field
// (write "-"), leading/trailing spaces in a field, or duplicate lines.
StatusOr<TsvFile> ParseTsv(std::string_view content, std::string name);

}  // namespace rasd::internal

#endif  // RASD_LEXICON_TSV_H_
