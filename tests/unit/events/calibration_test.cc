#include "events/calibration.h"

#include <gtest/gtest.h>

namespace rasd::internal {
namespace {

TEST(CalibrationTest, StepsMapProbabilitiesMonotonically) {
  auto c = ConfidenceCalibration::Parse(
      "# comment\nraw_from\tconfidence\tevents\tright\n0.0\t0.1\t50\t5\n0.2\t0.5\t40\t20\n0.7\t0.75\t30\t23\n");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_FLOAT_EQ(c->Apply(0.0), 0.1f);
  EXPECT_FLOAT_EQ(c->Apply(0.19), 0.1f);
  EXPECT_FLOAT_EQ(c->Apply(0.2), 0.5f);
  EXPECT_FLOAT_EQ(c->Apply(0.69), 0.5f);
  EXPECT_FLOAT_EQ(c->Apply(0.99), 0.75f);
}

TEST(CalibrationTest, EmptyKeepsTheProbability) {
  auto c = ConfidenceCalibration::Parse("# nothing yet\nraw_from\tconfidence\tevents\tright\n");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->empty());
  EXPECT_FLOAT_EQ(c->Apply(0.42), 0.42f);
}

TEST(CalibrationTest, BadFilesAreRefused) {
  EXPECT_FALSE(ConfidenceCalibration::Parse("0.0\tx\n").ok());
  EXPECT_FALSE(ConfidenceCalibration::Parse("0.0\t1.5\n").ok());
  EXPECT_FALSE(ConfidenceCalibration::Parse("0.5\t0.5\n0.2\t0.6\n").ok());  // raw_from must rise
  EXPECT_FALSE(ConfidenceCalibration::Parse("0.0\t0.5\n0.2\t0.4\n").ok());  // confidence never falls
  auto c = ConfidenceCalibration::Parse("0.0\t0.5\n0.2\t0.4\n");
  EXPECT_NE(c.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace rasd::internal
