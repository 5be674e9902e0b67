// The whole-process peer of `rasd tokenize` in scripts/bench_tokenize.sh:
// reads a UTF-8 text file, splits it on ASCII whitespace, stems every word
// with the Snowball Arabic stemmer (libstemmer, "arabic", UTF_8) and writes the
// stems to standard output, words separated by spaces and line breaks kept, so
// that both programs read the same bytes and write comparable output.
//
//   snowball_peer FILE > /dev/null     # prints a summary on stderr
#include <libstemmer.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: snowball_peer FILE|-\n");
    return 2;
  }
  std::FILE* f = std::strcmp(argv[1], "-") == 0 ? stdin : std::fopen(argv[1], "rb");
  if (f == nullptr) {
    std::perror(argv[1]);
    return 1;
  }
  sb_stemmer* stemmer = sb_stemmer_new("arabic", "UTF_8");
  if (stemmer == nullptr) {
    std::fprintf(stderr, "snowball_peer: no Snowball Arabic stemmer in this libstemmer\n");
    return 1;
  }
  std::string text;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, got);
  if (f != stdin) std::fclose(f);

  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t words = 0;
  size_t i = 0;
  const size_t n = text.size();
  bool line_has_words = false;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      if (c == '\n') {
        out.push_back('\n');
        line_has_words = false;
      }
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && !IsSpace(static_cast<unsigned char>(text[j]))) ++j;
    const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(text.data() + i),
                                            static_cast<int>(j - i));
    if (line_has_words) out.push_back(' ');
    if (stem != nullptr) out.append(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer));
    line_has_words = true;
    ++words;
    i = j;
    if (out.size() >= (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  sb_stemmer_delete(stemmer);
  std::fprintf(stderr, "snowball_peer: %zu bytes, %zu words\n", n, words);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
