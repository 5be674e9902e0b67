// rasd train events --gold ANNOTATIONS.jsonl --articles ARTICLES.jsonl [--out PATH]
// The learned event decision (docs/events.md): labels every candidate of the
// annotated articles against the span gold, trains the linear model, writes it.
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "events/event_models.h"
#include "events/features.h"
#include "events/participants.h"
#include "events/training.h"
#include "learn/linear_model.h"
#include "rasd/engine.h"

namespace rasd::cli {

namespace {

// The gold instances of each article of an annotation file (data/annotations/*.jsonl).
StatusOr<std::map<std::string, std::vector<internal::GoldEventInstance>>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot open");
  std::map<std::string, std::vector<internal::GoldEventInstance>> out;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    try {
      const nlohmann::json rec = nlohmann::json::parse(line);
      std::vector<internal::GoldEventInstance>& instances = out[rec.at("id").get<std::string>()];
      const auto& sentences = rec.at("sentences");
      for (const auto& ev : rec.at("events")) {
        internal::GoldEventInstance g;
        const auto& s = sentences.at(ev.at("sentence").get<size_t>());
        g.sentence_begin = s.at(0).get<uint32_t>();
        g.sentence_end = s.at(1).get<uint32_t>();
        g.type = ev.at("type").get<std::string>();
        g.trigger = {ev.at("trigger").at("start").get<uint32_t>(), ev.at("trigger").at("end").get<uint32_t>()};
        g.must = ev.at("must").get<bool>();
        for (const char* role : {"actor", "recipient"}) {
          const bool is_actor = std::string(role) == "actor";
          for (const auto& p : ev.at(role)) {
            if (p.contains("country") && p["country"].is_string()) {
              (is_actor ? g.actor : g.recipient).insert(p["country"].get<std::string>());
            }
            if (p.contains("start") && p["start"].is_number()) {
              (is_actor ? g.actor_mentions : g.recipient_mentions)
                  .push_back({p["start"].get<uint32_t>(), p["end"].get<uint32_t>()});
            }
          }
        }
        instances.push_back(std::move(g));
      }
    } catch (const nlohmann::json::exception& e) {
      return InvalidArgumentError(path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

}  // namespace

int RunTrainEvents(const TrainEventsArgs& args) {
  auto gold = ReadGold(args.gold);
  if (!gold.ok()) {
    std::cerr << "rasd train: " << gold.status().message() << "\n";
    return kExitFailure;
  }
  EngineOptions engine_options;
  engine_options.event_rules_only = true;  // candidates do not depend on a model
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::cerr << "rasd train: " << engine.status().message() << "\n";
    return kExitFailure;
  }
  // Every annotated article's document and candidates (the hand rules decide nothing here).
  struct Article {
    Document doc;
    std::vector<internal::Candidate> candidates;
    std::vector<uint32_t> cp;
    const std::vector<internal::GoldEventInstance>* gold;
  };
  std::vector<Article> docs;
  bool malformed = false;
  int rc = ForEachJsonlRecord(
      args.articles, "rasd train",
      [&](ArticleRecord& rec, const std::string&, size_t) {
        auto it = gold->find(rec.id);
        if (it == gold->end()) return true;
        AnalyzeOptions options;
        options.id = rec.id;
        options.date = rec.date;
        options.source = rec.source;
        Article a;
        a.doc = internal::AnalyzeCandidates(**engine, rec.text, options, &a.candidates);
        a.cp = internal::CodePointOffsets(a.doc.text);
        a.gold = &it->second;
        docs.push_back(std::move(a));
        return true;
      },
      [&](size_t) { malformed = true; });
  if (rc != kExitOk) return rc;
  if (docs.size() != gold->size()) {
    std::cerr << "rasd train: " << gold->size() - docs.size() << " annotated articles are not in " << args.articles
              << "\n";
    return kExitFailure;
  }
  // 1. Who is actor and recipient: every mention of a candidate aligned to a gold instance.
  constexpr size_t kFolds = 5;  // the decision learns from participants chosen by models that never saw them
  std::vector<internal::LinearExample> actor_examples, recipient_examples;
  std::vector<size_t> example_fold;
  size_t aligned = 0, gold_actor = 0, actor_reachable = 0, gold_recipient = 0, recipient_reachable = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const Article& a = docs[d];
    for (const internal::Candidate& c : a.candidates) {
      const internal::GoldEventInstance* g = internal::AlignCandidate(c, *a.gold, a.cp);
      if (g == nullptr) continue;
      ++aligned;
      bool ra = false, rr = false;
      for (const internal::CandidateMention& m : c.mentions) {
        ra |= internal::EntityOverlaps(a.doc.entities[m.entity], g->actor_mentions, a.cp);
        rr |= internal::EntityOverlaps(a.doc.entities[m.entity], g->recipient_mentions, a.cp);
      }
      gold_actor += !g->actor_mentions.empty();
      gold_recipient += !g->recipient_mentions.empty();
      actor_reachable += ra;
      recipient_reachable += rr;
      for (const internal::CandidateMention& m : c.mentions) {
        const Entity& e = a.doc.entities[m.entity];
        internal::LinearExample ex;
        internal::ParticipantFeatures(a.doc, c, m, internal::ParticipantRole::kActor, &ex.features);
        // A mention is the actor when it is the gold mention or stands for the same country-level
        // party: the scorer counts no more, and the choice between two mentions of one party is free.
        ex.label = internal::EntityOverlaps(e, g->actor_mentions, a.cp) ||
                   internal::EntityMeetsSide(a.doc, m.entity, g->actor);
        actor_examples.push_back(std::move(ex));
        internal::ParticipantFeatures(a.doc, c, m, internal::ParticipantRole::kRecipient, &ex.features);
        ex.label = internal::EntityOverlaps(e, g->recipient_mentions, a.cp) ||
                   internal::EntityMeetsSide(a.doc, m.entity, g->recipient);
        recipient_examples.push_back(std::move(ex));
        example_fold.push_back(d % kFolds);
      }
    }
  }
  std::cerr << "rasd train: " << aligned << " candidates stand for a gold instance; its actor is named in "
            << gold_actor << " and among the candidate's mentions in " << actor_reachable << "; its recipient in "
            << gold_recipient << " and " << recipient_reachable << "\n";
  internal::EventModels models;
  internal::LinearTrainOptions train_options;
  train_options.epochs = args.epochs;
  train_options.seed = args.seed;
  train_options.orders = args.orders;
  models.actor.Train(actor_examples, train_options);
  models.recipient.Train(recipient_examples, train_options);
  std::vector<internal::LinearModel> fold_actor, fold_recipient;
  for (size_t f = 0; f < kFolds; ++f) {
    std::vector<internal::LinearExample> ae, re;
    for (size_t i = 0; i < actor_examples.size(); ++i) {
      if (example_fold[i] == f) continue;
      ae.push_back(actor_examples[i]);
      re.push_back(recipient_examples[i]);
    }
    fold_actor.emplace_back(models.actor.bits());
    fold_actor.back().Train(ae, train_options);
    fold_recipient.emplace_back(models.recipient.bits());
    fold_recipient.back().Train(re, train_options);
  }
  // 2. Which candidates are events, once the participant models have chosen.
  std::vector<internal::LinearExample> examples;
  size_t right = 0, wrong = 0, left_out = 0, rules_right = 0, rules_wrong = 0;
  std::ofstream dump;
  if (!args.dump_candidates.empty()) dump.open(args.dump_candidates);
  for (size_t d = 0; d < docs.size(); ++d) {
    Article& a = docs[d];
    for (internal::Candidate& c : a.candidates) {
      const bool rules_keep = c.reasons == 0;
      // As events/decide.cc does: the rules' events keep the grammar's participants.
      if (!rules_keep) internal::ChooseParticipants(a.doc, fold_actor[d % kFolds], fold_recipient[d % kFolds], &c);
      const internal::CandidateLabel label = internal::LabelCandidate(c, *a.gold, a.cp);
      if (dump.is_open()) {
        nlohmann::json j = {{"id", a.doc.id}, {"start", a.cp[c.event.anchor.begin]}, {"end", a.cp[c.event.anchor.end]},
                            {"type", c.event.type}, {"reasons", c.reasons},
                            {"label", label == internal::CandidateLabel::kRight  ? "right"
                                      : label == internal::CandidateLabel::kWrong ? "wrong"
                                                                                   : "left_out"}};
        // The participant choice against the gold instance the candidate stands for: whether a
        // mention of the gold side was reachable, and whether the chosen one is it.
        if (const internal::GoldEventInstance* gi = internal::AlignCandidate(c, *a.gold, a.cp)) {
          auto judge = [&](const std::vector<internal::CodePointSpan>& want, int chosen) {
            bool reachable = false;
            for (const internal::CandidateMention& m : c.mentions) {
              reachable |= internal::EntityOverlaps(a.doc.entities[m.entity], want, a.cp);
            }
            const bool chose_right = want.empty() ? chosen < 0
                                                  : chosen >= 0 && internal::EntityOverlaps(a.doc.entities[chosen], want, a.cp);
            nlohmann::json j2 = {{"gold", !want.empty()}, {"reachable", reachable}, {"right", chose_right}};
            if (chosen >= 0) {
              j2["chosen"] = a.doc.entities[chosen].text;
              j2["chosen_start"] = a.cp[a.doc.entities[chosen].span.begin];
            }
            if (!want.empty()) j2["gold_start"] = want[0].begin;
            return j2;
          };
          j["aligned"] = {{"actor", judge(gi->actor_mentions, c.actor)},
                          {"recipient", judge(gi->recipient_mentions, c.recipient)}};
        }
        for (const char* role : {"actor", "recipient"}) {
          nlohmann::json side = nlohmann::json::array();
          for (const EventActor& x : std::string(role) == "actor" ? c.event.actor : c.event.recipient) {
            side.push_back(x.code.empty() ? x.country : x.code);
          }
          j[role] = side;
        }
        dump << j.dump() << "\n";
      }
      // The trigger's readings under its other listed types, as events/decide.cc weighs them.
      for (const internal::LexEntry* alt : c.alternatives) {
        internal::Candidate other = internal::AsAlternative(c, *alt);
        if (!rules_keep) internal::ChooseParticipants(a.doc, fold_actor[d % kFolds], fold_recipient[d % kFolds], &other);
        const internal::CandidateLabel other_label = internal::LabelCandidate(other, *a.gold, a.cp);
        if (other_label == internal::CandidateLabel::kLeftOut) continue;
        internal::LinearExample ex;
        internal::CandidateFeatures(a.doc, other, &ex.features);
        ex.label = other_label == internal::CandidateLabel::kRight;
        (ex.label ? right : wrong)++;
        examples.push_back(std::move(ex));
      }
      if (label == internal::CandidateLabel::kLeftOut) {
        ++left_out;
        continue;
      }
      internal::LinearExample ex;
      internal::CandidateFeatures(a.doc, c, &ex.features);
      ex.label = label == internal::CandidateLabel::kRight;
      (ex.label ? right : wrong)++;
      if (rules_keep) (ex.label ? rules_right : rules_wrong)++;
      examples.push_back(std::move(ex));
    }
  }
  // 3. Sentences labelled only for whether they report one event type
  // (arabic_event_gsr): their candidates of that type are right or wrong by
  // the label; participants are chosen by the models trained above.
  size_t gsr_sentences = 0, gsr_right = 0, gsr_wrong = 0;
  if (!args.gsr.empty()) {
    std::ifstream in(args.gsr);
    if (!in) {
      std::cerr << "rasd train: " << args.gsr << ": cannot open\n";
      return kExitFailure;
    }
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      std::string type, label, text;
      try {
        const nlohmann::json rec = nlohmann::json::parse(line);
        type = rec.at("type").get<std::string>();
        label = rec.at("label").get<std::string>();
        text = rec.at("text").get<std::string>();
      } catch (const nlohmann::json::exception& e) {
        std::cerr << "rasd train: " << args.gsr << ":" << n << ": " << e.what() << "\n";
        return kExitFailure;
      }
      std::vector<internal::Candidate> candidates;
      const Document doc = internal::AnalyzeCandidates(**engine, text, AnalyzeOptions{}, &candidates);
      ++gsr_sentences;
      for (internal::Candidate& c : candidates) {
        if (c.event.type != type) continue;
        if (c.reasons != 0) internal::ChooseParticipants(doc, models.actor, models.recipient, &c);
          internal::LinearExample ex;
        internal::CandidateFeatures(doc, c, &ex.features);
        ex.label = label == "yes";
        (ex.label ? gsr_right : gsr_wrong)++;
        examples.push_back(std::move(ex));
      }
    }
  }
  const size_t articles = docs.size();
  models.decision = internal::LinearModel(args.bits);
  models.decision.Train(examples, train_options);
  models.decision.set_threshold(static_cast<float>(args.threshold));
  const std::string bytes = models.Serialize();
  std::ofstream out(args.out, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    std::cerr << "rasd train: cannot write " << args.out << "\n";
    return kExitFailure;
  }
  std::cerr << "rasd train: " << articles << " articles, " << right + wrong << " candidates (" << right << " right, "
            << wrong << " wrong; " << left_out << " matching only `may` events left out); the hand rules keep "
            << rules_right << " right and " << rules_wrong << " wrong; participant examples: "
            << actor_examples.size() << "; " << gsr_sentences << " labelled sentences give " << gsr_right
            << " right and " << gsr_wrong << " wrong candidates\n"
            << "rasd train: wrote " << args.out << " (" << bytes.size() << " bytes, threshold " << args.threshold
            << ")\n";
  return malformed ? kExitPartial : kExitOk;
}

}  // namespace rasd::cli
