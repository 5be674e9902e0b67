// rasd lexicon check FILE...   |   rasd lexicon lookup [--lexicon FILE] TEXT...
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/input.h"
#include "rasd/engine.h"

namespace rasd::cli {
namespace {

struct LexiconArgs {
  std::vector<std::string> files;     // check
  std::vector<std::string> words;     // lookup
  std::vector<std::string> lexicons;  // lookup --lexicon
  std::string phrases_file;           // lookup --file
  bool check = false;
};

int RunCheck(const LexiconArgs& args) {
  auto base = Engine::Create();
  if (!base.ok()) {
    std::cerr << "rasd lexicon check: " << base.status().ToString() << "\n";
    return kExitFailure;
  }
  int rc = kExitOk;
  for (const std::string& f : args.files) {
    EngineOptions o;
    o.extra_lexicons = {f};
    auto engine = Engine::Create(o);
    if (!engine.ok()) {
      std::cerr << engine.status().message() << "\n";
      rc = kExitFailure;
      continue;
    }
    std::printf("%s: OK, %zu entries\n", f.c_str(), (*engine)->lexicon_size() - (*base)->lexicon_size());
  }
  return rc;
}

int RunLookup(const LexiconArgs& args) {
  EngineOptions o;
  o.extra_lexicons = args.lexicons;
  auto engine = Engine::Create(o);
  if (!engine.ok()) {
    std::cerr << "rasd lexicon lookup: " << engine.status().message() << "\n";
    return kExitFailure;
  }
  if (!args.phrases_file.empty()) {
    // One phrase a line: is the whole phrase one lexicon entry?
    auto content = ReadWholeInput(args.phrases_file, 256u << 20);
    if (!content.ok()) {
      std::cerr << "rasd lexicon lookup: " << content.status().message() << "\n";
      return kExitFailure;
    }
    size_t known = 0, total = 0;
    std::string_view rest = *content;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string line(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty()) continue;
      ++total;
      std::vector<LexiconHit> hits = (*engine)->LookupLexicon(line);
      bool whole = !hits.empty() && hits[0].span.begin == 0 && hits[0].span.end == line.size();
      known += whole;
      std::printf("%s\t%s", line.c_str(), whole ? "known" : "unknown");
      if (whole) std::printf("\t%s\t%s", hits[0].type.c_str(), hits[0].code.c_str());
      std::printf("\n");
    }
    std::fprintf(stderr, "lookup: %zu of %zu phrases known (%.1f%%)\n", known, total,
                 total ? 100.0 * static_cast<double>(known) / static_cast<double>(total) : 0.0);
    return kExitOk;
  }
  std::string text;
  for (const std::string& w : args.words) text += (text.empty() ? "" : " ") + w;
  if (text.empty()) {
    std::cerr << "rasd lexicon lookup: give a TEXT or --file\n";
    return kExitUsage;
  }
  std::vector<LexiconHit> hits = (*engine)->LookupLexicon(text);
  if (hits.empty()) {
    std::printf("%s: not in the lexicons\n", text.c_str());
    return kExitFailure;
  }
  for (const LexiconHit& h : hits) {
    std::printf("%s\t%s", h.text.c_str(), h.type.c_str());
    auto field = [](const char* name, const std::string& v) {
      if (!v.empty()) std::printf("\t%s=%s", name, v.c_str());
    };
    field("code", h.code);
    if (h.country != h.code) field("country", h.country);
    field("sector", h.sector);
    field("kind", h.kind);
    field("value", h.value);
    field("note", h.note);
    std::printf("\tentry=%s\t%s\n", h.surface.c_str(), h.source.c_str());
  }
  return kExitOk;
}

}  // namespace

Runner AddLexiconCommand(CLI::App& app) {
  auto args = std::make_shared<LexiconArgs>();
  CLI::App* cmd = app.add_subcommand("lexicon", "Validate lexicon files and look up what rasd knows");
  cmd->require_subcommand(1);
  CLI::App* check = cmd->add_subcommand("check", "Validate lexicon TSV files (exit 1 with file:line: reason)");
  check->add_option("files", args->files, "Lexicon TSV files")->required();
  check->callback([args] { args->check = true; });
  CLI::App* lookup = cmd->add_subcommand("lookup", "Show every lexicon entry a word or phrase matches");
  lookup->add_option("--lexicon", args->lexicons, "Extra lexicon TSV file (repeatable)");
  lookup->add_option("--file", args->phrases_file,
                     "Look up each line of FILE as one phrase; prints known/unknown and a total on stderr");
  lookup->add_option("text", args->words, "Arabic word or phrase");
  return [args] { return args->check ? RunCheck(*args) : RunLookup(*args); };
}

}  // namespace rasd::cli
