// rasd_lexc: the build-time lexicon compiler.
//
//   rasd_lexc --out build/generated/lexicons.bin data/lexicons/*.tsv
//
// Parses and validates every file with the run-time code (same TSV parser,
// same normaliser and tokenizer), checks cross-file references, and writes the
// compiled blob only when its bytes change. Exit 1 with "file:line: reason" on
// the first bad line, which fails the build.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

using rasd::internal::EntryType;
using rasd::internal::Lexicon;

int main(int argc, char** argv) {
  std::string out;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else {
      inputs.push_back(a);
    }
  }
  if (out.empty() || inputs.empty()) {
    std::cerr << "usage: rasd_lexc --out FILE LEXICON.tsv...\n";
    return 2;
  }
  Lexicon lex;
  for (const std::string& path : inputs) {
    // Record paths relative to the source tree in messages and the blob.
    size_t at = path.rfind("data/lexicons/");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    rasd::Status s = lex.AddTsv(ss.str(), at == std::string::npos ? path : path.substr(at));
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  // Cross-file check: every country a place, organisation or person names is a known code.
  std::set<std::string> codes;
  for (size_t i = 0; i < lex.size(); ++i) {
    const auto& e = lex.entry(static_cast<uint32_t>(i));
    if (e.type == EntryType::kCountry || e.type == EntryType::kNisba) codes.insert(e.code);
  }
  if (!codes.empty()) {
    for (size_t i = 0; i < lex.size(); ++i) {
      const auto& e = lex.entry(static_cast<uint32_t>(i));
      if ((e.type == EntryType::kPlace || e.type == EntryType::kOrganization || e.type == EntryType::kPersonName) &&
          !e.country.empty() &&
          !codes.count(e.country)) {
        std::cerr << lex.files()[e.file] << ":" << e.line << ": country '" << e.country
                  << "' is not a code of countries.tsv or nisba.tsv\n";
        return 1;
      }
    }
  }
  std::string blob = lex.Serialize();
  std::ifstream old(out, std::ios::binary);
  if (old) {
    std::stringstream ss;
    ss << old.rdbuf();
    if (ss.str() == blob) return 0;  // unchanged: do not touch, nothing relinks
  }
  std::ofstream o(out, std::ios::binary | std::ios::trunc);
  o.write(blob.data(), static_cast<std::streamsize>(blob.size()));
  if (!o) {
    std::cerr << out << ": cannot write\n";
    return 1;
  }
  std::cout << "rasd_lexc: " << lex.size() << " entries from " << inputs.size() << " files -> " << out << "\n";
  return 0;
}
