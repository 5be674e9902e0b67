// rasd ner --conll FILE|- [--model PATH]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/input.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"
#include "engine/builtin_data.h"
#include "ner/perceptron_tagger.h"

namespace rasd::cli {
namespace {

struct NerArgs {
  std::string conll;
  std::string model;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Returns the first whitespace-separated column of `line` (empty if blank).
std::string_view FirstColumn(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  size_t j = i;
  while (j < line.size() && !IsSpace(line[j])) ++j;
  return line.substr(i, j - i);
}

// Streams CoNLL input: tags each sentence when its blank line (or the end of
// input) arrives, and copies every blank line through.
class NerWriter {
 public:
  NerWriter(const internal::PerceptronTagger& tagger, const internal::NerLexiconCuer* lexicon)
      : tagger_(tagger), lexicon_(lexicon), use_history_(tagger.uses_history()) {}

  void Line(std::string_view line, std::string* out) {
    std::string_view token = FirstColumn(line);
    if (token.empty()) {
      Flush(out);
      out->push_back('\n');
    } else {
      tokens_.emplace_back(token);
    }
  }

  void Flush(std::string* out) {
    if (tokens_.empty()) return;
    cues_.clear();
    if (lexicon_ != nullptr) lexicon_->Compute(tokens_, &cues_);
    if (use_history_) history_.AddCues(tokens_, &cues_);
    tagger_.Tag(std::span<const std::string>(tokens_), cues_, &tags_);
    if (use_history_) history_.Update(tokens_, tags_);
    for (size_t i = 0; i < tokens_.size(); ++i) {
      out->append(tokens_[i]);
      out->push_back(' ');
      out->append(internal::NerTagName(tags_[i]));
      out->push_back('\n');
    }
    tokens_.clear();
  }

 private:
  const internal::PerceptronTagger& tagger_;
  const internal::NerLexiconCuer* lexicon_;
  std::vector<std::string> tokens_;
  std::vector<std::vector<std::string>> cues_;
  bool use_history_;
  // The stream has no document boundaries: a sliding window of recent tokens.
  internal::NerHistory history_;
  std::vector<uint8_t> tags_;
};

int RunNer(const NerArgs& args) {
  std::string model_bytes;
  std::string_view bytes = internal::BuiltinNerModel();
  if (!args.model.empty()) {
    std::FILE* f = std::fopen(args.model.c_str(), "rb");
    if (f == nullptr) {
      std::perror(("rasd ner: " + args.model).c_str());
      return kExitFailure;
    }
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) model_bytes.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) {
      std::cerr << "rasd ner: " << args.model << ": read error\n";
      return kExitFailure;
    }
    bytes = model_bytes;
  }
  auto tagger = internal::PerceptronTagger::Load(bytes);
  if (!tagger.ok()) {
    std::cerr << "rasd ner: " << tagger.status().ToString() << "\n";
    return kExitFailure;
  }
  auto opened = ChunkReader::Open(args.conll);
  if (!opened.ok()) {
    std::cerr << "rasd ner: " << opened.status().message() << "\n";
    return kExitFailure;
  }
  std::unique_ptr<ChunkReader> reader(*opened);
  std::optional<internal::NerLexiconCuer> lexicon;
  if (tagger->uses_lexicon_cues()) {
    auto created = internal::NerLexiconCuer::Create(internal::BuiltinSegmenterVocabulary(),
                                                    internal::BuiltinSegmenterGuard(), internal::BuiltinLexiconBlob());
    if (!created.ok()) {
      std::cerr << "rasd ner: " << created.status().ToString() << "\n";
      return kExitFailure;
    }
    lexicon.emplace(std::move(created).value());
  }
  NerWriter writer(*tagger, lexicon ? &*lexicon : nullptr);
  std::string chunk, pending, out;
  uint64_t offset = 0;
  while (reader->Next(&chunk)) {
    Status text = CheckText(chunk, reader->path(), offset);
    if (!text.ok()) {
      std::cerr << "rasd ner: " << text.message() << "\n";
      return kExitFailure;
    }
    offset += chunk.size();
    pending += chunk;
    out.clear();
    size_t pos = 0;
    for (size_t nl; (nl = pending.find('\n', pos)) != std::string::npos; pos = nl + 1) {
      writer.Line(std::string_view(pending).substr(pos, nl - pos), &out);
    }
    pending.erase(0, pos);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (!reader->status().ok()) {
    std::cerr << "rasd ner: " << reader->status().message() << "\n";
    return kExitFailure;
  }
  out.clear();
  if (!pending.empty()) writer.Line(pending, &out);
  writer.Flush(&out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::perror("rasd ner: write");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

Runner AddNerCommand(CLI::App& app) {
  auto args = std::make_shared<NerArgs>();
  CLI::App* cmd = app.add_subcommand("ner", "Tag named entities (PERS, LOC, ORG, MISC) in CoNLL token input");
  cmd->add_option("--conll", args->conll,
                  "One token per line (first column; other columns ignored), blank line between sentences; "
                  "FILE or - for standard input. Prints `token TAG` lines, blank lines kept")
      ->required();
  cmd->add_option("--model", args->model, "Use this model file instead of the built-in one");
  return [args] { return RunNer(*args); };
}

}  // namespace rasd::cli
