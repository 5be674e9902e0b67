#include "events/intensity.h"

#include <charconv>
#include <cstdlib>

#include "lexicon/tsv.h"

namespace rasd::internal {
namespace {

StatusOr<double> ParseScore(const TsvFile& f, const TsvRow& row, int column) {
  const std::string& text = row.fields[static_cast<size_t>(column)];
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || value < -10 || value > 10) {
    return InvalidArgumentError(f.name + ":" + std::to_string(row.line) + ": not a score in [-10, 10]: " + text);
  }
  return value;
}

Status NeedColumns(const TsvFile& f, std::initializer_list<const char*> columns) {
  for (const char* c : columns) {
    if (f.Column(c) < 0) return InvalidArgumentError(f.name + ": no column '" + std::string(c) + "'");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<IntensityTable> IntensityTable::FromTsv(std::string_view goldstein_tsv, std::string_view plover_tsv,
                                                 const std::string& goldstein_name, const std::string& plover_name) {
  IntensityTable table;
  auto goldstein = ParseTsv(goldstein_tsv, goldstein_name);
  if (!goldstein.ok()) return goldstein.status();
  RASD_RETURN_IF_ERROR(NeedColumns(*goldstein, {"cameo", "goldstein", "quad_class"}));
  const int code = goldstein->Column("cameo"), score = goldstein->Column("goldstein"),
            quad = goldstein->Column("quad_class"), name = goldstein->Column("name");
  for (const TsvRow& row : goldstein->rows) {
    auto value = ParseScore(*goldstein, row, score);
    if (!value.ok()) return value.status();
    int q = std::atoi(row.fields[static_cast<size_t>(quad)].c_str());
    if (q < 1 || q > 4) {
      return InvalidArgumentError(goldstein_name + ":" + std::to_string(row.line) + ": quad_class must be 1-4");
    }
    std::string title = name >= 0 ? row.fields[static_cast<size_t>(name)] : "-";
    table.goldstein_[row.fields[static_cast<size_t>(code)]] = Score{*value, q, title == "-" ? "" : title};
  }
  auto plover = ParseTsv(plover_tsv, plover_name);
  if (!plover.ok()) return plover.status();
  RASD_RETURN_IF_ERROR(NeedColumns(*plover, {"type", "mode", "intensity"}));
  const int type = plover->Column("type"), mode = plover->Column("mode"), intensity = plover->Column("intensity");
  for (const TsvRow& row : plover->rows) {
    auto value = ParseScore(*plover, row, intensity);
    if (!value.ok()) return value.status();
    table.plover_[row.fields[static_cast<size_t>(type)] + "/" + row.fields[static_cast<size_t>(mode)]] = *value;
  }
  return table;
}

void IntensityTable::Annotate(Event* event) const {
  event->goldstein = 0;
  event->quad_class = 0;
  event->intensity = 0;
  event->cameo_name.clear();
  for (std::string_view code = event->cameo; code.size() >= 2; code.remove_suffix(1)) {
    auto it = goldstein_.find(code);
    if (it == goldstein_.end()) continue;
    event->goldstein = it->second.goldstein;
    event->quad_class = it->second.quad_class;
    if (code.size() == event->cameo.size()) event->cameo_name = it->second.name;
    break;
  }
  auto it = plover_.find(event->type + "/" + (event->mode.empty() ? "-" : event->mode));
  if (it == plover_.end()) it = plover_.find(event->type + "/-");
  if (it != plover_.end()) event->intensity = it->second;
}

}  // namespace rasd::internal
