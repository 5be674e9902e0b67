// Labels of event candidates for training (events/training.h).
#include "events/training.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rasd::internal {
namespace {

EventActor Actor(const std::string& code) {
  EventActor a;
  a.code = code;
  a.country = code.substr(0, 3);
  return a;
}

Candidate At(uint32_t byte, const std::string& type, std::vector<EventActor> actor, std::vector<EventActor> recipient) {
  Candidate c;
  c.event.type = type;
  c.event.anchor = Span{byte, byte + 2};
  c.event.actor = std::move(actor);
  c.event.recipient = std::move(recipient);
  return c;
}

GoldEventInstance Gold(const std::string& type, std::set<std::string> actor, std::set<std::string> recipient,
                       bool must = true) {
  GoldEventInstance g;
  g.sentence_begin = 0;
  g.sentence_end = 100;
  g.trigger = {10, 12};
  g.type = type;
  g.actor = std::move(actor);
  g.recipient = std::move(recipient);
  g.must = must;
  return g;
}

TEST(CandidateLabelTest, MatchesByTypeAndSidesInTheSentence) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("CONSULT", {"JOR"}, {"EGY"})};
  EXPECT_EQ(LabelCandidate(At(10, "CONSULT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kRight);
  // CONSULT has no direction.
  EXPECT_EQ(LabelCandidate(At(10, "CONSULT", {Actor("EGYGOV")}, {Actor("JORGOV")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "SUPPORT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kWrong);
  EXPECT_EQ(LabelCandidate(At(150, "CONSULT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kWrong);
}

// As score.py: a side the gold leaves empty (an unknown attacker) is matched by any side, a
// named side only by a party of its country.
TEST(CandidateLabelTest, AnUnknownSideMatchesAnySideAsTheScorerReadsIt) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("ASSAULT", {}, {"YEM"})};
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {}, {Actor("YEMCVL")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {Actor("YEMCVL")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {Actor("SAUCVL")}), gold, cp), CandidateLabel::kWrong);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {}), gold, cp), CandidateLabel::kWrong);
}

TEST(CandidateLabelTest, MayEventsAreLeftOut) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("THREATEN", {"USA"}, {"PRK"}, /*must=*/false)};
  EXPECT_EQ(LabelCandidate(At(10, "THREATEN", {Actor("USAGOV")}, {Actor("PRKGOV")}), gold, cp),
            CandidateLabel::kLeftOut);
}

TEST(CodePointOffsetsTest, ContinuationBytesBelongToTheirCodePoint) {
  const std::string text = "a\xD8\xA8" "c";  // a ب c
  const std::vector<uint32_t> cp = CodePointOffsets(text);
  EXPECT_EQ(cp, (std::vector<uint32_t>{0, 1, 1, 2, 3}));
}

}  // namespace
}  // namespace rasd::internal
