#include "events/calibration.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace rasd::internal {
namespace {

bool ParseDouble(std::string_view s, double* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

StatusOr<ConfidenceCalibration> ConfidenceCalibration::Parse(std::string_view tsv) {
  ConfidenceCalibration c;
  int line_number = 0;
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("raw_from")) continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    double raw = 0, confidence = 0;
    const std::string_view second =
        tab1 == std::string_view::npos ? std::string_view() : line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (!ParseDouble(line.substr(0, tab1), &raw) || !ParseDouble(second, &confidence) || raw < 0 || raw > 1 ||
        confidence < 0 || confidence > 1) {
      return InvalidArgumentError("calibration line " + std::to_string(line_number) +
                                  ": expected raw_from and confidence, numbers from 0 to 1");
    }
    if (!c.steps_.empty() && (raw <= c.steps_.back().raw_from || confidence < c.steps_.back().confidence)) {
      return InvalidArgumentError("calibration line " + std::to_string(line_number) +
                                  ": steps must rise in raw_from and never fall in confidence");
    }
    c.steps_.push_back({raw, static_cast<float>(confidence)});
  }
  return c;
}

float ConfidenceCalibration::Apply(double probability) const {
  if (steps_.empty()) return static_cast<float>(probability);
  auto after = std::upper_bound(steps_.begin(), steps_.end(), probability,
                                [](double p, const Step& s) { return p < s.raw_from; });
  return after == steps_.begin() ? steps_.front().confidence : std::prev(after)->confidence;
}

}  // namespace rasd::internal
