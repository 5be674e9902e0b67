// Event intensity: the Goldstein score and QuadClass of CAMEO codes
// (data/codebook/goldstein.tsv) and the intensity of PLOVER types and modes
// (data/codebook/plover_intensity.tsv). Runs after events are found; it never
// changes which events there are.
#ifndef RASD_EVENTS_INTENSITY_H_
#define RASD_EVENTS_INTENSITY_H_

#include <map>
#include <string>
#include <string_view>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::internal {

class IntensityTable {
 public:
  // Parses the two TSV files (names for messages). Fails with "name:line:
  // reason" on a missing column or a score that is not a number in [-10, 10].
  static StatusOr<IntensityTable> FromTsv(std::string_view goldstein_tsv, std::string_view plover_tsv,
                                          const std::string& goldstein_name = "goldstein.tsv",
                                          const std::string& plover_name = "plover_intensity.tsv");

  // Sets goldstein, quad_class, cameo_name and intensity of `event` from its cameo, type
  // and mode. A CAMEO code the table lacks takes its longest listed prefix; a
  // mode the table lacks takes its type's intensity; nothing known: zeros.
  void Annotate(Event* event) const;

  size_t size() const { return goldstein_.size(); }

 private:
  struct Score {
    double goldstein = 0;
    int quad_class = 0;
    std::string name;
  };
  std::map<std::string, Score, std::less<>> goldstein_;  // by CAMEO code
  std::map<std::string, double, std::less<>> plover_;    // by "TYPE/mode" ("TYPE/-" = the type)
};

}  // namespace rasd::internal

#endif  // RASD_EVENTS_INTENSITY_H_
