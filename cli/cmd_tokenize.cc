// rasd tokenize [--format segments|json] FILE|-
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/input.h"
#include "json/document_json.h"
#include "rasd/engine.h"

namespace rasd::cli {
namespace {

struct TokenizeArgs {
  std::string format = "segments";
  std::string input = "-";
};

// Writes the `segments` format: one output line per input line, tokens
// separated by spaces, each token's segments joined by '+', original text kept.
class SegmentsWriter {
 public:
  void Write(const Document& doc, std::string* out) {
    uint32_t pos = 0;
    for (const Token& t : doc.tokens) {
      Separate(doc.text, pos, t.span.begin, out);
      for (uint32_t k = 0; k < t.segment_count; ++k) {
        if (k > 0) out->push_back('+');
        out->append(doc.Text(doc.segments[t.first_segment + k].span));
      }
      line_has_tokens_ = true;
      wrote_anything_ = true;
      last_was_newline_ = false;
      pos = t.span.end;
    }
    Separate(doc.text, pos, static_cast<uint32_t>(doc.text.size()), out, /*at_end=*/true);
  }

  // Terminates the last line if the input did not.
  void Finish(std::string* out) {
    if (wrote_anything_ && !last_was_newline_) out->push_back('\n');
  }

 private:
  // Emits the line breaks of text[from, to), or one space between two tokens
  // of the same line.
  void Separate(const std::string& text, uint32_t from, uint32_t to, std::string* out, bool at_end = false) {
    bool any_break = false;
    for (uint32_t i = from; i < to; ++i) {
      if (text[i] == '\n') {
        out->push_back('\n');
        line_has_tokens_ = false;
        any_break = true;
      }
    }
    if (!at_end && !any_break && line_has_tokens_) out->push_back(' ');
    if (!out->empty()) {
      wrote_anything_ = true;
      last_was_newline_ = out->back() == '\n';
    }
  }

  bool line_has_tokens_ = false;
  bool wrote_anything_ = false;
  bool last_was_newline_ = false;
};

int RunTokenize(const TokenizeArgs& args) {
  auto engine = Engine::Create();
  if (!engine.ok()) {
    std::cerr << "rasd tokenize: " << engine.status().ToString() << "\n";
    return kExitFailure;
  }
  auto opened = ChunkReader::Open(args.input);
  if (!opened.ok()) {
    std::cerr << "rasd tokenize: " << opened.status().message() << "\n";
    return kExitFailure;
  }
  std::unique_ptr<ChunkReader> reader(*opened);
  AnalyzeOptions options;
  options.text_only = true;
  SegmentsWriter segments;
  std::string chunk, out;
  uint64_t base_cp = 0;
  bool any_input = false;
  while (reader->Next(&chunk)) {
    any_input = true;
    Document doc = (*engine)->Analyze(chunk, options);
    for (const std::string& w : doc.warnings) std::cerr << "rasd tokenize: " << reader->path() << ": " << w << "\n";
    out.clear();
    if (args.format == "segments") {
      segments.Write(doc, &out);
    } else {
      AppendSentencesJsonl(doc, base_cp, &out);
      base_cp += internal::CodePointIndex(doc.text).CodePoint(static_cast<uint32_t>(doc.text.size()));
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (!reader->status().ok()) {
    std::cerr << "rasd tokenize: " << reader->status().message() << "\n";
    return kExitFailure;
  }
  if (args.format == "segments" && any_input) {
    out.clear();
    segments.Finish(&out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (std::fflush(stdout) != 0) {
    std::perror("rasd tokenize: write");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

Runner AddTokenizeCommand(CLI::App& app) {
  auto args = std::make_shared<TokenizeArgs>();
  CLI::App* cmd = app.add_subcommand("tokenize", "Split text into sentences, tokens and clitic segments");
  cmd->add_option("--format", args->format,
                  "segments: one line per input line, tokens separated by spaces, segments by '+'; "
                  "json: one JSON object per sentence (code point offsets)")
      ->check(CLI::IsMember({"segments", "json"}));
  cmd->add_option("input", args->input, "UTF-8 text file, or - for standard input")->required();
  return [args] { return RunTokenize(*args); };
}

}  // namespace rasd::cli
