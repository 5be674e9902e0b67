// rasd_segc: the build-time clitic segmenter compiler.
//
//   rasd_segc --vocab data/models/segmenter_vocab.tsv
//             --guard data/lexicons/segmenter_guard.tsv --out build/generated/segmenter.bin
//
// Builds the segmenter with the run-time code (CliticSegmenter::Create: the
// same parser, normaliser and split scores, with every known word's split
// memoised) and writes its table (CliticSegmenter::Serialize) only when the
// bytes change. The engine reads that blob in place, so creating an engine
// costs no vocabulary parsing and no memo pass. Exit 1 with "vocab:LINE:
// reason" / "guard:LINE: reason" on a bad line, which fails the build.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "tokenize/clitics.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string vocab_path, guard_path, out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--vocab") vocab_path = argv[i + 1];
    else if (a == "--guard") guard_path = argv[i + 1];
    else if (a == "--out") out = argv[i + 1];
    else vocab_path.clear();
  }
  if (argc % 2 != 1 || vocab_path.empty() || guard_path.empty() || out.empty()) {
    std::cerr << "usage: rasd_segc --vocab VOCAB.tsv --guard GUARD.tsv --out FILE\n";
    return 2;
  }
  std::string vocab, guard;
  if (!ReadFile(vocab_path, &vocab)) {
    std::cerr << vocab_path << ": cannot open\n";
    return 1;
  }
  if (!ReadFile(guard_path, &guard)) {
    std::cerr << guard_path << ": cannot open\n";
    return 1;
  }
  auto seg = rasd::internal::CliticSegmenter::Create(vocab, guard);
  if (!seg.ok()) {
    std::cerr << seg.status().message() << "\n";
    return 1;
  }
  const std::string blob = seg->Serialize();
  std::string old;
  if (ReadFile(out, &old) && old == blob) return 0;  // unchanged: do not touch, nothing relinks
  std::ofstream o(out, std::ios::binary | std::ios::trunc);
  o.write(blob.data(), static_cast<std::streamsize>(blob.size()));
  if (!o) {
    std::cerr << out << ": cannot write\n";
    return 1;
  }
  return 0;
}
