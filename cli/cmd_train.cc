// rasd train ner --train FILE [--dev FILE] [--epochs N] [--out PATH]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/input.h"
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
                                             const std::vector<internal::ConllSentence>& dev) {
  std::vector<std::vector<std::string>> gold, pred;
  std::vector<uint8_t> tags;
  for (const internal::ConllSentence& s : dev) {
    model.Tag(std::span<const std::string>(s.tokens), {}, &tags);
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
      for (const internal::NerTypeScore& s : Evaluate(model, dev)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " %s=%.4f", s.type.c_str(), s.F1());
        std::cerr << buf;
      }
      std::cerr << " rows=" << model.row_count() << "\n";
    };
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
  CLI::App* cmd = app.add_subcommand("train", "Train a statistical model (ner: the named-entity tagger)");
  cmd->add_option("model", args->what, "What to train")->required()->check(CLI::IsMember({"ner"}));
  cmd->add_option("--train", args->train, "Training data: `token TAG` lines, blank line between sentences")
      ->required();
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
  cmd->add_option("--out", args->out, "Where to write the binary model");
  return [args] { return RunTrain(*args); };
}

}  // namespace rasd::cli
