#include "learn/linear_model.h"

#include <cmath>
#include <cstring>
#include <random>

namespace rasd::internal {
namespace {

constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'L', 'I', 'N', '\0'};
constexpr uint32_t kVersion = 1;

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof *v) return false;
  std::memcpy(v, in->data(), sizeof *v);
  in->remove_prefix(sizeof *v);
  return true;
}

double Sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

}  // namespace

uint64_t FeatureHash(std::string_view feature) { return Fnv1a(feature); }

uint64_t FeatureHash(std::initializer_list<std::string_view> pieces) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (std::string_view p : pieces) {
    for (unsigned char c : p) h = (h ^ c) * 0x100000001B3ull;
  }
  return h;
}

LinearModel::LinearModel(int bits) : bits_(bits), mask_((1ull << bits) - 1), weights_(size_t{1} << bits, 0.0f) {}

double LinearModel::Logit(const std::vector<uint64_t>& features) const {
  double z = bias_;
  for (uint64_t f : features) z += weights_[Slot(f)];
  return z;
}

double LinearModel::Probability(const std::vector<uint64_t>& features) const { return Sigmoid(Logit(features)); }

void LinearModel::Train(const std::vector<LinearExample>& examples, const LinearTrainOptions& options) {
  if (options.orders <= 1) {
    TrainOneOrder(examples, options, options.seed);
    return;
  }
  // Each order starts from the same weights; the result is the mean of the trained models
  // (summed in order, so the bytes stay deterministic).
  const std::vector<float> start = weights_;
  const float start_bias = bias_;
  std::vector<double> sum(weights_.size(), 0.0);
  double bias_sum = 0.0;
  for (int k = 0; k < options.orders; ++k) {
    weights_ = start;
    bias_ = start_bias;
    TrainOneOrder(examples, options, options.seed + static_cast<uint32_t>(k));
    for (size_t i = 0; i < weights_.size(); ++i) sum[i] += weights_[i];
    bias_sum += bias_;
  }
  for (size_t i = 0; i < weights_.size(); ++i) weights_[i] = static_cast<float>(sum[i] / options.orders);
  bias_ = static_cast<float>(bias_sum / options.orders);
}

void LinearModel::TrainOneOrder(const std::vector<LinearExample>& examples, const LinearTrainOptions& options,
                                uint32_t seed) {
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  // The running mean of the weights without touching every weight at every step (the
  // averaged perceptron's trick): each change is also added to `moved`, scaled by the
  // step it happens at, and the mean is weights - moved / steps at the end.
  std::vector<double> moved(options.average ? weights_.size() : 0, 0.0);
  double bias_moved = 0.0;
  double step = 1.0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with the raw generator: std::shuffle's algorithm is not
    // specified, and the model bytes must not depend on the library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double rate = options.learning_rate / (1 + epoch);
    for (size_t i : order) {
      const LinearExample& ex = examples[i];
      const double g = (ex.label ? 1.0 : 0.0) - Probability(ex.features);
      bias_ += static_cast<float>(rate * g);
      if (options.average) bias_moved += step * rate * g;
      for (uint64_t f : ex.features) {
        const size_t slot = Slot(f);
        float& w = weights_[slot];
        const float change = static_cast<float>(rate * (g - options.l2 * w));
        w += change;
        if (options.average) moved[slot] += step * change;
      }
      step += 1.0;
    }
  }
  if (!options.average) return;
  for (size_t k = 0; k < weights_.size(); ++k) weights_[k] -= static_cast<float>(moved[k] / step);
  bias_ -= static_cast<float>(bias_moved / step);
}

std::string LinearModel::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  Put(&out, kVersion);
  Put(&out, static_cast<uint32_t>(bits_));
  Put(&out, bias_);
  Put(&out, threshold_);
  out.append(reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float));
  Put(&out, Fnv1a(out));
  return out;
}

StatusOr<LinearModel> LinearModel::Load(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return InvalidArgumentError("linear model: not a rasd linear model (bad magic)");
  }
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (Fnv1a(bytes.substr(0, bytes.size() - 8)) != stored) return InvalidArgumentError("linear model: checksum mismatch");
  std::string_view in = bytes.substr(sizeof kMagic, bytes.size() - sizeof kMagic - 8);
  uint32_t version = 0, bits = 0;
  float bias = 0, threshold = 0;
  if (!Get(&in, &version) || version != kVersion) return InvalidArgumentError("linear model: unknown version");
  if (!Get(&in, &bits) || bits < 4 || bits > 24) return InvalidArgumentError("linear model: bad table size");
  if (!Get(&in, &bias) || !Get(&in, &threshold) || !(threshold >= 0 && threshold <= 1)) {
    return InvalidArgumentError("linear model: bad header");
  }
  LinearModel m(static_cast<int>(bits));
  if (in.size() != m.weights_.size() * sizeof(float)) return InvalidArgumentError("linear model: truncated weights");
  std::memcpy(m.weights_.data(), in.data(), in.size());
  m.bias_ = bias;
  m.threshold_ = threshold;
  return m;
}

}  // namespace rasd::internal
