// The shared linear learner (learn/linear_model.h) and the event model file (events/event_models.h).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "events/event_models.h"
#include "learn/linear_model.h"

namespace rasd::internal {
namespace {

// A separable toy task: "good" predicts the label, "noise-k" does not.
std::vector<LinearExample> ToyExamples() {
  std::vector<LinearExample> out;
  for (int i = 0; i < 400; ++i) {
    LinearExample ex;
    ex.label = i % 3 == 0;
    ex.features = {FeatureHash("bias"), FeatureHash(ex.label ? "good" : "bad"),
                   FeatureHash("noise-" + std::to_string(i % 7))};
    out.push_back(ex);
  }
  return out;
}

TEST(LinearModelTest, LearnsASeparableTask) {
  LinearModel m(12);
  m.Train(ToyExamples(), {});
  EXPECT_GT(m.Probability({FeatureHash("bias"), FeatureHash("good")}), 0.9);
  EXPECT_LT(m.Probability({FeatureHash("bias"), FeatureHash("bad")}), 0.1);
}

TEST(LinearModelTest, SameDataSameBytes) {
  LinearModel a(12), b(12);
  a.Train(ToyExamples(), {});
  b.Train(ToyExamples(), {});
  EXPECT_EQ(a.Serialize(), b.Serialize());
  LinearModel c(12);
  LinearTrainOptions other;
  other.seed = 8;
  c.Train(ToyExamples(), other);
  EXPECT_NE(a.Serialize(), c.Serialize());  // the seed sets the order, and the order matters
}

// Polyak averaging: the model is the mean of the weights over every step (the initial zeros
// included), kept without touching every weight per step. Checked against the steps written out
// for one feature, whose example repeats so that the order plays no part.
TEST(LinearModelTest, AveragedModelIsTheMeanOfEveryStep) {
  const uint64_t f = FeatureHash("only");
  std::vector<LinearExample> examples(5, LinearExample{{f}, true});
  LinearTrainOptions options;
  options.epochs = 3;
  LinearModel averaged(12);
  averaged.Train(examples, options);
  options.average = false;
  LinearModel last(12);
  last.Train(examples, options);
  // The same steps by hand: bias and weight move together; l2 shrinks only the weight.
  double bias = 0, w = 0, bias_sum = 0, w_sum = 0;
  int steps = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const double rate = options.learning_rate / (1 + epoch);
    for (size_t i = 0; i < examples.size(); ++i) {
      const double g = 1.0 - 1.0 / (1.0 + std::exp(-(bias + w)));
      bias += rate * g;
      w += rate * (g - options.l2 * w);
      bias_sum += bias;
      w_sum += w;
      ++steps;
    }
  }
  EXPECT_NEAR(last.Logit({f}), bias + w, 1e-4);
  EXPECT_NEAR(averaged.Logit({f}), (bias_sum + w_sum) / (steps + 1), 1e-4);
  EXPECT_LT(averaged.Logit({f}), last.Logit({f}));  // the early, smaller steps count too
}

// orders = N: the mean of the N models trained with example orders seed … seed + N − 1.
TEST(LinearModelTest, SeveralOrdersGiveTheMeanModel) {
  const std::vector<LinearExample> examples = ToyExamples();
  LinearTrainOptions three;
  three.orders = 3;
  LinearModel mean(12), again(12);
  mean.Train(examples, three);
  again.Train(examples, three);
  EXPECT_EQ(mean.Serialize(), again.Serialize());  // deterministic
  std::vector<LinearModel> singles;
  for (uint32_t k = 0; k < 3; ++k) {
    LinearTrainOptions one;
    one.seed = three.seed + k;
    singles.emplace_back(12);
    singles.back().Train(examples, one);
  }
  for (const char* f : {"good", "bad", "noise-3"}) {
    const std::vector<uint64_t> x = {FeatureHash("bias"), FeatureHash(f)};
    double logit = 0;
    for (const LinearModel& m : singles) logit += m.Logit(x) / 3;
    EXPECT_NEAR(mean.Logit(x), logit, 1e-4) << f;
  }
  LinearModel single(12);
  single.Train(examples, {});
  EXPECT_NE(mean.Serialize(), single.Serialize());
}

TEST(LinearModelTest, RoundTripsAndKeepsTheThreshold) {
  LinearModel m(10);
  m.Train(ToyExamples(), {});
  m.set_threshold(0.25f);
  auto back = LinearModel::Load(m.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->Serialize(), m.Serialize());
  EXPECT_FLOAT_EQ(back->threshold(), 0.25f);
  std::vector<uint64_t> f = {FeatureHash("bias"), FeatureHash("good")};
  EXPECT_DOUBLE_EQ(back->Probability(f), m.Probability(f));
}

TEST(LinearModelTest, RejectsDamagedFiles) {
  LinearModel m(10);
  std::string bytes = m.Serialize();
  EXPECT_FALSE(LinearModel::Load("").ok());
  EXPECT_FALSE(LinearModel::Load("RASDLIN").ok());
  std::string flipped = bytes;
  flipped[40] ^= 1;
  EXPECT_NE(LinearModel::Load(flipped).status().message().find("checksum"), std::string::npos);
  EXPECT_FALSE(LinearModel::Load(bytes.substr(0, bytes.size() - 9)).ok());
}

TEST(EventModelsTest, RoundTripAndErrors) {
  EventModels models;
  models.decision.set_threshold(0.2f);
  const std::string bytes = models.Serialize();
  auto back = EventModels::Load(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_FLOAT_EQ(back->decision.threshold(), 0.2f);
  EXPECT_FALSE(EventModels::Load(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(EventModels::Load(bytes + "x").ok());
  EXPECT_FALSE(EventModels::Load("RASDLIN").ok());
}

}  // namespace
}  // namespace rasd::internal
