// The shared linear learner (learn/linear_model.h) and the event model file (events/event_models.h).
#include <gtest/gtest.h>

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
