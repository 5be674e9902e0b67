// File: learn/linear_model.h
//
// A binary logistic-regression model over hashed sparse binary features: the
// learner behind rasd's event decisions (docs/events.md, "Learned decisions").
// Feature strings are hashed with FNV-1a 64 (fixed, never std::hash) into a
// table of 2^bits weights, so the same data in the same order always gives the
// same model bytes.
//
//   LinearModel m(18);
//   m.Train(examples, {.epochs = 12, .seed = 7});   // deterministic SGD with L2
//   double p = m.Probability(features);             // calibrated by training
//   std::string bytes = m.Serialize();
//   auto back = LinearModel::Load(bytes);            // checks every field
//
// File: "RASDLIN\0", uint32 version (1), uint32 bits, float bias, float
// threshold (the decision threshold chosen on held-out data), 2^bits floats,
// then a FNV-1a 64 checksum of all bytes before it; little-endian.
#ifndef RASD_LEARN_LINEAR_MODEL_H_
#define RASD_LEARN_LINEAR_MODEL_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

// FNV-1a 64 of a feature string: stable across builds and machines.
uint64_t FeatureHash(std::string_view feature);
// The same hash of the pieces' concatenation, without building it.
uint64_t FeatureHash(std::initializer_list<std::string_view> pieces);

struct LinearExample {
  std::vector<uint64_t> features;  // FeatureHash values
  bool label = false;
};

struct LinearTrainOptions {
  int epochs = 12;
  double learning_rate = 0.2;  // decays as rate / (1 + epoch)
  double l2 = 1e-5;            // per-step weight decay on the touched weights
  uint32_t seed = 7;           // example order
  // Polyak averaging: the model is the mean of the weights after every step, not the last
  // step's, which makes it less dependent on the example order (docs/events.md).
  bool average = true;
  // Train this many times, with example orders seed, seed + 1, …, and keep the mean of the
  // models: one retraining moves a borderline decision less (docs/events.md).
  int orders = 1;
};

class LinearModel {
 public:
  explicit LinearModel(int bits = 18);
  static StatusOr<LinearModel> Load(std::string_view bytes);

  double Logit(const std::vector<uint64_t>& features) const;
  double Probability(const std::vector<uint64_t>& features) const;
  void Train(const std::vector<LinearExample>& examples, const LinearTrainOptions& options);

  float threshold() const { return threshold_; }
  int bits() const { return bits_; }
  void set_threshold(float t) { threshold_ = t; }
  std::string Serialize() const;

 private:
  size_t Slot(uint64_t h) const { return static_cast<size_t>(h & mask_); }
  void TrainOneOrder(const std::vector<LinearExample>& examples, const LinearTrainOptions& options, uint32_t seed);
  int bits_;
  uint64_t mask_;
  float bias_ = 0;
  float threshold_ = 0.5f;
  std::vector<float> weights_;
};

}  // namespace rasd::internal

#endif  // RASD_LEARN_LINEAR_MODEL_H_
