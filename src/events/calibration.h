// File: events/calibration.h
//
// Calibrated confidence (docs/events.md, "Calibration"): the decision model's
// probability mapped to how often events at that probability were right on
// the dev split of the event gold. The map is a step function fitted by
// isotonic regression (tools/annotation/calibrate.py) and shipped as
// data/models/events_calibration.tsv:
//
//   raw_from  confidence  events  right    (one row per step, raw_from rising)
//
// A probability p takes the confidence of the last step whose raw_from <= p.
// Monotone, so it keeps the order of events and the threshold's meaning.
#ifndef RASD_EVENTS_CALIBRATION_H_
#define RASD_EVENTS_CALIBRATION_H_

#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

class ConfidenceCalibration {
 public:
  // Parses the TSV (comments and a header line allowed); an empty map leaves
  // probabilities as they are.
  static StatusOr<ConfidenceCalibration> Parse(std::string_view tsv);

  float Apply(double probability) const;
  bool empty() const { return steps_.empty(); }

 private:
  struct Step {
    double raw_from;
    float confidence;
  };
  std::vector<Step> steps_;
};

}  // namespace rasd::internal

#endif  // RASD_EVENTS_CALIBRATION_H_
