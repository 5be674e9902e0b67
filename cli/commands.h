// The `rasd` subcommands. Each registers itself on the CLI11 app and returns
// an exit code from cli/input.h when run. No NLP logic lives here: every
// command calls the library (rasd::Engine, rasd::Normalize, src/json).
#ifndef RASD_CLI_COMMANDS_H_
#define RASD_CLI_COMMANDS_H_

#include <functional>

namespace CLI {
class App;
}

namespace rasd::cli {

// A registered subcommand: run() is called when the user chose it.
using Runner = std::function<int()>;

Runner AddTokenizeCommand(CLI::App& app);
Runner AddNormalizeCommand(CLI::App& app);
Runner AddExtractCommand(CLI::App& app);
Runner AddLexiconCommand(CLI::App& app);
Runner AddNerCommand(CLI::App& app);
Runner AddTrainCommand(CLI::App& app);

// rasd train events (cli/cmd_train_events.cc).
struct TrainEventsArgs {
  std::string gold;      // data/annotations/train.jsonl
  std::string articles;  // the corpus records of those articles (JSONL)
  std::string out = "data/models/events.model";
  int epochs = 12;
  uint32_t seed = 7;
  int bits = 18;
  int orders = 1;  // example orders whose models are averaged (LinearTrainOptions::orders)
  double threshold = 0.5;
  std::string dump_candidates;  // JSONL of every labelled candidate, for analysis
  std::string gsr;              // labelled detection sentences (tools/annotation/gsr.py train), or ""
};
int RunTrainEvents(const TrainEventsArgs& args);
// The event store (cmd_store.cc, docs/storage.md).
Runner AddIngestCommand(CLI::App& app);
Runner AddQueryCommand(CLI::App& app);
Runner AddStatsCommand(CLI::App& app);
Runner AddShowCommand(CLI::App& app);
// The HTTP server (cmd_serve.cc, docs/server.md).
Runner AddServeCommand(CLI::App& app);

}  // namespace rasd::cli

#endif  // RASD_CLI_COMMANDS_H_
