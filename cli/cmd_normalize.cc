// rasd normalize [--keep ...] FILE|-
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/input.h"
#include "rasd/normalize.h"

namespace rasd::cli {
namespace {

struct NormalizeArgs {
  std::string input = "-";
  std::vector<std::string> keep;
};

int RunNormalize(const NormalizeArgs& args) {
  NormalizeOptions o;
  for (const std::string& k : args.keep) {
    if (k == "diacritics") o.strip_diacritics = false;
    if (k == "tatweel") o.strip_tatweel = false;
    if (k == "alef") o.fold_alef = false;
    if (k == "alef-maksura") o.fold_alef_maksura = false;
    if (k == "teh-marbuta") o.fold_teh_marbuta = false;
    if (k == "digits") o.fold_digits = false;
    if (k == "presentation-forms") o.fold_presentation_forms = false;
    if (k == "letter-variants") o.fold_letter_variants = false;
    if (k == "format-controls") o.drop_format_controls = false;
    if (k == "whitespace") o.fold_whitespace = false;
  }
  auto opened = ChunkReader::Open(args.input);
  if (!opened.ok()) {
    std::cerr << "rasd normalize: " << opened.status().message() << "\n";
    return kExitFailure;
  }
  std::unique_ptr<ChunkReader> reader(*opened);
  std::string chunk;
  while (reader->Next(&chunk)) {
    std::string out = NormalizeKey(chunk, o);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (!reader->status().ok()) {
    std::cerr << "rasd normalize: " << reader->status().message() << "\n";
    return kExitFailure;
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

}  // namespace

Runner AddNormalizeCommand(CLI::App& app) {
  auto args = std::make_shared<NormalizeArgs>();
  CLI::App* cmd = app.add_subcommand("normalize", "Print text normalised as rasd matches it");
  cmd->add_option("--keep", args->keep, "Disable one folding (repeatable)")
      ->check(CLI::IsMember({"diacritics", "tatweel", "alef", "alef-maksura", "teh-marbuta", "digits",
                             "presentation-forms", "letter-variants", "format-controls", "whitespace"}));
  cmd->add_option("input", args->input, "UTF-8 text file, or - for standard input")->required();
  return [args] { return RunNormalize(*args); };
}

}  // namespace rasd::cli
