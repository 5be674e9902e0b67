// rasd train ner --train FILE [--dev FILE] [--epochs N] [--out PATH]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/input.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"
#include "engine/builtin_data.h"
#include "ner/conll.h"
#include "ner/perceptron_tagger.h"

namespace rasd::cli {
namespace {

struct TrainArgs {
  std::string what = "ner";
  std::string train;
  std::string dev;
  int epochs = 10;
  uint64_t seed = 20241128;
  std::string out = "data/models/ner.model";
  std::string word_counts;  // empty: the built-in segmenter vocabulary
  std::string cues;         // empty: none
  int rare = 1;
  std::string word_classes;  // empty: none
  bool lexicon_cues = false;
  bool history = false;
  int folds = 5;
  double o_penalty = 0.0;
  std::string profile;  // empty: none
  bool context_only = false;
};

StatusOr<std::vector<internal::NerExample>> ToExamples(const std::vector<internal::ConllSentence>& sents,
                                                       const std::string& path) {
  std::vector<internal::NerExample> out;
  out.reserve(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    internal::NerExample ex;
    ex.tokens = sents[s].tokens;
    for (const std::string& tag : sents[s].tags) {
      int t = internal::NerTagFromName(tag);
      if (t < 0) return InvalidArgumentError(path + ": sentence " + std::to_string(s + 1) + ": unknown tag '" + tag + "'");
      ex.tags.push_back(static_cast<uint8_t>(t));
    }
    out.push_back(std::move(ex));
  }
  return out;
}

// Tags `dev` with `model` and returns the per-type scores.
std::vector<internal::NerTypeScore> Evaluate(const internal::PerceptronTagger& model,
                                             const std::vector<internal::ConllSentence>& dev,
                                             const std::vector<std::vector<std::vector<std::string>>>& dev_cues) {
  std::vector<std::vector<std::string>> gold, pred;
  std::vector<uint8_t> tags;
  internal::NerHistory history;
  std::vector<std::vector<std::string>> cues;
  for (size_t i = 0; i < dev.size(); ++i) {
    const internal::ConllSentence& s = dev[i];
    cues.clear();
    if (!dev_cues.empty()) cues = dev_cues[i];
    if (model.uses_history()) history.AddCues(s.tokens, &cues);
    model.Tag(std::span<const std::string>(s.tokens), cues, &tags);
    if (model.uses_history()) history.Update(s.tokens, tags);
    std::vector<std::string> p;
    for (uint8_t t : tags) p.emplace_back(internal::NerTagName(t));
    gold.push_back(s.tags);
    pred.push_back(std::move(p));
  }
  return internal::ScoreNer(gold, pred);
}

int RunTrain(const TrainArgs& args) {
  auto train = internal::ReadConllFile(args.train, /*with_tags=*/true);
  if (!train.ok()) {
    std::cerr << "rasd train: " << train.status().message() << "\n";
    return kExitFailure;
  }
  auto examples = ToExamples(*train, args.train);
  if (!examples.ok()) {
    std::cerr << "rasd train: " << examples.status().message() << "\n";
    return kExitFailure;
  }
  std::vector<internal::ConllSentence> dev;
  if (!args.dev.empty()) {
    auto d = internal::ReadConllFile(args.dev, /*with_tags=*/true);
    if (!d.ok()) {
      std::cerr << "rasd train: " << d.status().message() << "\n";
      return kExitFailure;
    }
    dev = std::move(*d);
  }
  internal::NerTrainOptions options;
  options.rare_threshold = args.rare;
  std::vector<std::vector<std::vector<std::string>>> dev_cues;
  if (args.lexicon_cues) {
    auto lexicon = internal::NerLexiconCuer::Create(internal::BuiltinSegmenterVocabulary(),
                                                    internal::BuiltinSegmenterGuard(), internal::BuiltinLexiconBlob());
    if (!lexicon.ok()) {
      std::cerr << "rasd train: " << lexicon.status().message() << "\n";
      return kExitFailure;
    }
    for (internal::NerExample& ex : *examples) lexicon->Compute(ex.tokens, &ex.cues);
    dev_cues.resize(dev.size());
    for (size_t i = 0; i < dev.size(); ++i) lexicon->Compute(dev[i].tokens, &dev_cues[i]);
    options.lexicon_cues = true;
  }
  options.context_only = args.context_only;
  std::string profile_tsv;
  if (!args.profile.empty() && args.profile != "none") {
    auto read = ReadWholeInput(args.profile, size_t{1} << 30);
    if (!read.ok()) {
      std::cerr << "rasd train: " << read.status().message() << "\n";
      return kExitFailure;
    }
    profile_tsv = std::move(*read);
    options.profile_tsv = profile_tsv;
  }
  std::string classes_tsv;
  if (!args.word_classes.empty() && args.word_classes != "none") {
    auto read = ReadWholeInput(args.word_classes, size_t{1} << 30);
    if (!read.ok()) {
      std::cerr << "rasd train: " << read.status().message() << "\n";
      return kExitFailure;
    }
    classes_tsv = std::move(*read);
    options.word_classes_tsv = classes_tsv;
  }
  std::string cues_tsv;
  if (!args.cues.empty()) {
    auto read = ReadWholeInput(args.cues, size_t{1} << 30);
    if (!read.ok()) {
      std::cerr << "rasd train: " << read.status().message() << "\n";
      return kExitFailure;
    }
    cues_tsv = std::move(*read);
    options.cues_tsv = cues_tsv;
  }
  options.epochs = args.epochs;
  options.o_penalty = args.o_penalty;
  options.seed = args.seed;
  std::string counts_tsv;
  if (args.word_counts.empty()) {
    options.word_counts_tsv = internal::BuiltinSegmenterVocabulary();
  } else if (args.word_counts != "none") {
    auto read = ReadWholeInput(args.word_counts, size_t{1} << 30);
    if (!read.ok()) {
      std::cerr << "rasd train: " << read.status().message() << "\n";
      return kExitFailure;
    }
    counts_tsv = std::move(*read);
    options.word_counts_tsv = counts_tsv;
  }
  if (!dev.empty()) {
    options.on_epoch = [&](int epoch, const internal::PerceptronTagger& model) {
      std::cerr << "epoch " << epoch << ":";
      for (const internal::NerTypeScore& s : Evaluate(model, dev, dev_cues)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " %s=%.4f", s.type.c_str(), s.F1());
        std::cerr << buf;
      }
      std::cerr << " rows=" << model.row_count() << "\n";
    };
  }
  if (args.history) {
    // Jackknifed predictions: each of `folds` contiguous parts of the training
    // data tagged by a model trained on the others, so the history cues are as
    // noisy as the tagger's own at run time; then cues from the predictions of
    // the preceding sentences (NerHistory's window), in file order.
    const size_t n = examples->size();
    const size_t k = static_cast<size_t>(args.folds);
    std::vector<std::vector<uint8_t>> predicted(n);
    internal::NerTrainOptions fold_options = options;
    fold_options.on_epoch = nullptr;
    for (size_t f = 0; f < k; ++f) {
      const size_t lo = n * f / k, hi = n * (f + 1) / k;
      std::vector<internal::NerExample> rest;
      rest.reserve(n - (hi - lo));
      for (size_t s = 0; s < n; ++s) {
        if (s < lo || s >= hi) rest.push_back((*examples)[s]);
      }
      auto fold_model = internal::PerceptronTagger::Train(rest, fold_options);
      if (!fold_model.ok()) {
        std::cerr << "rasd train: " << fold_model.status().message() << "\n";
        return kExitFailure;
      }
      for (size_t s = lo; s < hi; ++s) {
        const internal::NerExample& ex = (*examples)[s];
        fold_model->Tag(std::span<const std::string>(ex.tokens), ex.cues, &predicted[s]);
      }
      std::cerr << "rasd train: history fold " << f + 1 << "/" << k << " tagged\n";
    }
    internal::NerHistory history;
    for (size_t s = 0; s < n; ++s) {
      internal::NerExample& ex = (*examples)[s];
      history.AddCues(ex.tokens, &ex.cues);
      history.Update(ex.tokens, predicted[s]);
    }
    options.history = true;
  }
  auto model = internal::PerceptronTagger::Train(*examples, options);
  if (!model.ok()) {
    std::cerr << "rasd train: " << model.status().message() << "\n";
    return kExitFailure;
  }
  std::string bytes = model->Serialize();
  std::FILE* f = std::fopen(args.out.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::perror(("rasd train: " + args.out).c_str());
    return kExitFailure;
  }
  std::cerr << "rasd train: wrote " << args.out << " (" << bytes.size() << " bytes, " << model->row_count()
            << " feature rows)\n";
  return kExitOk;
}

}  // namespace

Runner AddTrainCommand(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto events = std::make_shared<TrainEventsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "train", "Train a statistical model (ner: the named-entity tagger; events: the learned event decision)");
  cmd->add_option("model", args->what, "What to train")->required()->check(CLI::IsMember({"ner", "events"}));
  cmd->add_option("--train", args->train, "ner: training data, `token TAG` lines, blank line between sentences");
  cmd->add_option("--gold", events->gold, "events: span annotations (data/annotations/train.jsonl)");
  cmd->add_option("--articles", events->articles,
                  "events: the annotated articles' corpus records, JSONL (tools/annotation/annot.py articles)");
  cmd->add_option("--threshold", events->threshold,
                  "events: the decision threshold stored in the model (chosen on the dev split)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--dump-candidates", events->dump_candidates,
                  "events: write every labelled candidate as JSONL (for analysis)");
  cmd->add_option("--gsr", events->gsr,
                  "events: sentences labelled for one event type, JSONL {id,text,type,label yes|no} "
                  "(tools/annotation/gsr.py train): their candidates of that type teach the decision");
  cmd->add_option("--bits", events->bits, "events: log2 of the weight table size")->check(CLI::Range(10, 24));
  cmd->add_option("--orders", events->orders,
                  "events: train each model with this many example orders (seed, seed + 1, …) and keep their mean")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--dev", args->dev, "Development data in the same format: per-epoch F1 is printed to stderr");
  cmd->add_option("--epochs", args->epochs, "Passes over the training data")->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", args->seed, "Seed of the per-epoch shuffling");
  cmd->add_option("--word-counts", args->word_counts,
                  "Corpus word counts (word<TAB>count) stored in the model; default: the built-in "
                  "segmenter vocabulary; `none` for no such features");
  cmd->add_option("--cues", args->cues, "Cue lexicon stored in the model (data/lexicons/ner_cues.tsv)");
  cmd->add_option("--rare", args->rare,
                  "Train without word-identity features on words seen at most this often (0 = off)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--word-classes", args->word_classes,
                  "Word classes (word<TAB>fine<TAB>mid<TAB>coarse, data/models/ner_clusters.tsv) stored in the model");
  cmd->add_flag("--lexicon-cues", args->lexicon_cues,
                "Train with the built-in lexicons' cues (countries, places, roles …); `rasd ner` then computes them too");
  cmd->add_flag("--history", args->history,
                "Train with prediction-history cues (tags given to the same word in the preceding sentences), "
                "from jackknifed predictions on the training data");
  cmd->add_option("--o-penalty", args->o_penalty,
                  "Subtract this from the score of O at every token (> 0: more recall, less precision)")
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--profile", args->profile,
                  "Corpus tag profiles (word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC, data/models/ner_profile.tsv) "
                  "stored in the model");
  cmd->add_flag("--context-only", args->context_only,
                "Train a model that sees only the neighbours of each token (input of tools/ner_clusters.cc --profile)");
  cmd->add_option("--folds", args->folds, "Folds of the jackknife for --history")->check(CLI::Range(2, 20));
  cmd->add_option("--out", args->out, "Where to write the binary model (default data/models/ner.model or events.model)");
  return [args, events, cmd] {
    if (args->what == "events") {
      if (events->gold.empty() || events->articles.empty()) {
        std::cerr << "rasd train events: --gold and --articles are required\n";
        return kExitUsage;
      }
      if (cmd->count("--out")) events->out = args->out;
      if (cmd->count("--epochs")) events->epochs = args->epochs;
      if (cmd->count("--seed")) events->seed = static_cast<uint32_t>(args->seed);
      return RunTrainEvents(*events);
    }
    if (args->train.empty()) {
      std::cerr << "rasd train ner: --train is required\n";
      return kExitUsage;
    }
    return RunTrain(*args);
  };
}

}  // namespace rasd::cli
