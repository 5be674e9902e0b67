// rasd: the command-line front end. Dispatches to one subcommand; see
// `rasd --help` and docs/cli.md.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/input.h"
#include "rasd/version.h"

int main(int argc, char** argv) {
  CLI::App app{"rasd " RASD_VERSION ": Arabic news to political event data", "rasd"};
  app.set_version_flag("--version", RASD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 failure (I/O, unreadable or binary input), 2 usage error, "
             "3 done but some input records were bad and skipped.");
  std::map<std::string, rasd::cli::Runner> runners;
  runners["tokenize"] = rasd::cli::AddTokenizeCommand(app);
  runners["normalize"] = rasd::cli::AddNormalizeCommand(app);
  runners["extract"] = rasd::cli::AddExtractCommand(app);
  runners["lexicon"] = rasd::cli::AddLexiconCommand(app);
  runners["ner"] = rasd::cli::AddNerCommand(app);
  runners["train"] = rasd::cli::AddTrainCommand(app);
  runners["ingest"] = rasd::cli::AddIngestCommand(app);
  runners["query"] = rasd::cli::AddQueryCommand(app);
  runners["stats"] = rasd::cli::AddStatsCommand(app);
  runners["show"] = rasd::cli::AddShowCommand(app);
  runners["serve"] = rasd::cli::AddServeCommand(app);
  // CLI11 would answer an unknown first word with "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-' && runners.count(argv[1]) == 0) {
    std::cerr << "rasd: unknown command '" << argv[1] << "'; commands:";
    for (const auto& [name, runner] : runners) std::cerr << " " << name;
    std::cerr << " (rasd --help)\n";
    return rasd::cli::kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? rasd::cli::kExitOk : rasd::cli::kExitUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) return runners.at(sub->get_name())();
  return rasd::cli::kExitUsage;
}
