// libFuzzer target over rasd's text layer: any bytes in, and the document must
// keep its structural promises (rasd/document.h, rasd/normalize.h). A violated
// property prints what broke and traps, so libFuzzer (clang) or the replay
// driver (replay_main.cc, any compiler) reports the input.
//
//   clang build:  ./build-fuzz/tests/fuzz/fuzz_text -max_len=4096 CORPUS_DIR
//   g++ build:    ./build/tests/fuzz/fuzz_text_replay tests/fuzz/corpus/fuzz_text
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "rasd/document.h"
#include "rasd/engine.h"
#include "rasd/normalize.h"
#include "tokenize/clitics.h"

namespace {

// The document under check, dumped when a property fails.
const rasd::Document* g_doc = nullptr;

void PrintEscaped(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') std::fputc(c, stderr);
    else std::fprintf(stderr, "\\x%02X", c);
  }
}

void DumpDocument(const rasd::Document& doc) {
  std::fprintf(stderr, "text (%zu bytes): ", doc.text.size());
  PrintEscaped(doc.text.substr(0, 512));
  std::fprintf(stderr, "\nnorm (%zu bytes): ", doc.norm.size());
  PrintEscaped(doc.norm.substr(0, 512));
  std::fprintf(stderr, "\n%zu tokens, %zu segments, %zu sentences\n", doc.tokens.size(), doc.segments.size(),
               doc.sentences.size());
  for (size_t i = 0; i < doc.tokens.size() && i < 64; ++i) {
    const rasd::Token& t = doc.tokens[i];
    std::fprintf(stderr, "  token %zu kind=%s text=[%u,%u) norm=[%u,%u) segments=%u+%u stem=%u\n", i,
                 rasd::TokenKindName(t.kind), t.span.begin, t.span.end, t.norm.begin, t.norm.end,
                 t.first_segment, t.segment_count, t.stem_offset);
  }
}

[[noreturn]] void Fail(const char* file, int line, const char* what) {
  std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", file, line, what);
  if (g_doc != nullptr) DumpDocument(*g_doc);
  std::fflush(stderr);
  __builtin_trap();
}

#define FUZZ_CHECK(cond)                                    \
  do {                                                      \
    if (!(cond)) Fail(__FILE__, __LINE__, #cond);           \
  } while (0)

const rasd::Engine& TheEngine() {
  static const rasd::Engine* engine = [] {
    auto created = rasd::Engine::Create();
    if (!created.ok()) {
      std::fprintf(stderr, "fuzz_text: Engine::Create failed: %s\n", created.status().ToString().c_str());
      std::abort();
    }
    return std::move(created).value().release();  // lives for the whole process
  }();
  return *engine;
}

bool InBounds(const rasd::Span& s, size_t size) { return s.begin <= s.end && s.end <= size; }

// Normalize's own contract, on the raw input: valid UTF-8 out, an alignment
// of size+1 that is non-decreasing and ends at the input size, the key form
// equal to the aligned form, and idempotence.
void CheckNormalize(std::string_view input, const rasd::NormalizeOptions& options) {
  rasd::NormalizedText n = rasd::Normalize(input, options);
  FUZZ_CHECK(rasd::IsValidUtf8(n.text));
  FUZZ_CHECK(n.to_orig.size() == n.text.size() + 1);
  FUZZ_CHECK(n.to_orig.back() == input.size());
  for (size_t i = 1; i < n.to_orig.size(); ++i) FUZZ_CHECK(n.to_orig[i - 1] <= n.to_orig[i]);
  FUZZ_CHECK(rasd::NormalizeKey(input, options) == n.text);
  rasd::NormalizedText again = rasd::Normalize(n.text, options);
  FUZZ_CHECK(again.text == n.text);  // idempotent
}

void CheckDocument(const rasd::Document& doc) {
  g_doc = &doc;
  const size_t text_size = doc.text.size();
  const size_t norm_size = doc.norm.size();

  // Strings: valid UTF-8, norm and folded aligned byte for byte.
  FUZZ_CHECK(rasd::IsValidUtf8(doc.text));
  FUZZ_CHECK(rasd::IsValidUtf8(doc.norm));
  FUZZ_CHECK(rasd::IsValidUtf8(doc.folded));
  FUZZ_CHECK(doc.folded.size() == norm_size);

  // norm -> text alignment.
  FUZZ_CHECK(doc.norm_to_text.size() == norm_size + 1);
  FUZZ_CHECK(doc.norm_to_text.back() == text_size);
  for (size_t i = 1; i < doc.norm_to_text.size(); ++i) {
    FUZZ_CHECK(doc.norm_to_text[i - 1] <= doc.norm_to_text[i]);
  }

  // Tokens: in bounds, valid UTF-8, ordered, non-overlapping, each owning a
  // contiguous run of segments that tiles it exactly.
  uint32_t next_segment = 0;
  for (size_t ti = 0; ti < doc.tokens.size(); ++ti) {
    const rasd::Token& t = doc.tokens[ti];
    FUZZ_CHECK(InBounds(t.span, text_size));
    FUZZ_CHECK(InBounds(t.norm, norm_size));
    // A token covers something: text (a lone tatweel mark has no norm) or
    // norm (a word inside an expanded ligature such as U+FDFA has no text).
    FUZZ_CHECK(!t.span.empty() || !t.norm.empty());
    FUZZ_CHECK(rasd::IsValidUtf8(doc.Text(t.span)));
    FUZZ_CHECK(rasd::IsValidUtf8(doc.Norm(t.norm)));
    if (ti > 0) {
      const rasd::Token& prev = doc.tokens[ti - 1];
      FUZZ_CHECK(prev.span.end <= t.span.begin);
      FUZZ_CHECK(prev.norm.end <= t.norm.begin);
    }
    FUZZ_CHECK(t.segment_count >= 1);
    FUZZ_CHECK(t.first_segment == next_segment);
    FUZZ_CHECK(t.first_segment + t.segment_count <= doc.segments.size());
    FUZZ_CHECK(t.stem_offset < t.segment_count);
    FUZZ_CHECK(doc.segments[t.stem()].kind == rasd::SegmentKind::kStem);
    next_segment = t.first_segment + t.segment_count;

    const rasd::Segment* segs = &doc.segments[t.first_segment];
    FUZZ_CHECK(segs[0].span.begin == t.span.begin);
    FUZZ_CHECK(segs[0].norm.begin == t.norm.begin);
    FUZZ_CHECK(segs[t.segment_count - 1].span.end == t.span.end);
    FUZZ_CHECK(segs[t.segment_count - 1].norm.end == t.norm.end);
    for (uint32_t k = 0; k < t.segment_count; ++k) {
      const rasd::Segment& s = segs[k];
      FUZZ_CHECK(InBounds(s.span, text_size));
      FUZZ_CHECK(InBounds(s.norm, norm_size));
      FUZZ_CHECK(rasd::IsValidUtf8(doc.Text(s.span)));
      FUZZ_CHECK(rasd::IsValidUtf8(doc.Norm(s.norm)));
      FUZZ_CHECK(rasd::IsValidUtf8(doc.Folded(s.norm)));
      if (k + 1 < t.segment_count) {
        FUZZ_CHECK(s.span.end == segs[k + 1].span.begin);
        FUZZ_CHECK(s.norm.end == segs[k + 1].norm.begin);
      }
    }
    if (t.kind != rasd::TokenKind::kWord) FUZZ_CHECK(t.segment_count == 1);
  }
  FUZZ_CHECK(next_segment == doc.segments.size());

  // Sentences: non-empty, in order, tiling the tokens, spans from their tokens.
  uint32_t next_token = 0;
  for (const rasd::Sentence& s : doc.sentences) {
    FUZZ_CHECK(s.token_count >= 1);
    FUZZ_CHECK(s.first_token == next_token);
    FUZZ_CHECK(s.first_token + s.token_count <= doc.tokens.size());
    FUZZ_CHECK(InBounds(s.span, text_size));
    FUZZ_CHECK(s.span.begin == doc.tokens[s.first_token].span.begin);
    FUZZ_CHECK(s.span.end == doc.tokens[s.first_token + s.token_count - 1].span.end);
    next_token = s.first_token + s.token_count;
  }
  FUZZ_CHECK(next_token == doc.tokens.size());
  g_doc = nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  rasd::AnalyzeOptions options;
  options.text_only = true;
  rasd::Document doc = TheEngine().Analyze(input, options);
  CheckDocument(doc);
  // Valid input is kept byte for byte (a prefix of it beyond max_document_bytes).
  if (rasd::IsValidUtf8(input)) {
    if (input.size() <= rasd::EngineOptions().max_document_bytes) {
      FUZZ_CHECK(doc.text == input);
    } else {
      FUZZ_CHECK(doc.text.size() <= rasd::EngineOptions().max_document_bytes);
      FUZZ_CHECK(input.starts_with(doc.text));
      FUZZ_CHECK(!doc.warnings.empty());
    }
  }

  CheckNormalize(input, rasd::NormalizeOptions());
  CheckNormalize(input, rasd::NormalizeOptions::None());
  CheckNormalize(input, rasd::internal::SegmenterNormalizeOptions());
  return 0;
}
