#include "lexicon/tsv.h"

#include <set>

#include "rasd/normalize.h"

namespace rasd::internal {

int TsvFile::Column(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace

StatusOr<TsvFile> ParseTsv(std::string_view content, std::string name) {
  TsvFile file;
  file.name = std::move(name);
  auto error = [&](uint32_t line, const std::string& what) {
    return InvalidArgumentError(file.name + ":" + std::to_string(line) + ": " + what);
  };
  std::set<std::string_view> seen;
  uint32_t lineno = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (lineno == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!IsValidUtf8(line)) return error(lineno, "invalid UTF-8");
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line[0] == '#') {
      std::string_view body = line.substr(1);
      while (!body.empty() && body[0] == ' ') body.remove_prefix(1);
      size_t colon = body.find(':');
      if (colon != std::string_view::npos && colon < 40) {
        std::string key(body.substr(0, colon));
        std::string_view value = body.substr(colon + 1);
        while (!value.empty() && value[0] == ' ') value.remove_prefix(1);
        if (!file.header.count(key)) file.header[key] = std::string(value);
      }
      continue;
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (file.columns.empty()) {
      std::set<std::string> names;
      for (const std::string& c : fields) {
        if (c.empty()) return error(lineno, "empty column name");
        if (!names.insert(c).second) return error(lineno, "column '" + c + "' named twice");
      }
      file.columns = std::move(fields);
      continue;
    }
    if (fields.size() != file.columns.size()) {
      return error(lineno, "expected " + std::to_string(file.columns.size()) + " tab-separated fields, found " +
                               std::to_string(fields.size()));
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      const std::string& f = fields[i];
      if (f.empty()) return error(lineno, "empty field '" + file.columns[i] + "' (write - for none)");
      if (f.front() == ' ' || f.back() == ' ') return error(lineno, "field '" + file.columns[i] + "' has leading or trailing spaces");
    }
    if (!seen.insert(line).second) return error(lineno, "duplicate line");
    file.rows.push_back(TsvRow{lineno, std::move(fields)});
  }
  if (file.columns.empty()) return error(lineno, "no column line (the first non-comment line names the columns)");
  return file;
}

}  // namespace rasd::internal
