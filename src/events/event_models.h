// File: events/event_models.h
//
// The learned event models shipped in data/models/events.model (rasd train
// events, docs/events.md): which candidates are events (`decision`), and who
// is actor and recipient (`actor`, `recipient`).
//
// File: "RASDEVM\0", uint32 version (1), then the three linear models
// (learn/linear_model.h, each with its own checksum) in that order, each as a
// uint64 byte length and its bytes; little-endian.
#ifndef RASD_EVENTS_EVENT_MODELS_H_
#define RASD_EVENTS_EVENT_MODELS_H_

#include <string>
#include <string_view>

#include "events/calibration.h"
#include "learn/linear_model.h"
#include "rasd/status.h"

namespace rasd::internal {

struct EventModels {
  LinearModel decision{18};
  LinearModel actor{16};
  LinearModel recipient{16};
  // Not in the model file: data/models/events_calibration.tsv, set by the engine.
  ConfidenceCalibration calibration;

  static StatusOr<EventModels> Load(std::string_view bytes);
  std::string Serialize() const;
};

}  // namespace rasd::internal

#endif  // RASD_EVENTS_EVENT_MODELS_H_
