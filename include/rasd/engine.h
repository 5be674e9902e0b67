// File: rasd/engine.h
//
// The whole pipeline behind one object. Create it once (it loads the built-in
// lexicons and models), then share it across threads: Analyze() is const,
// never fails and accepts any bytes.
//
//   auto engine = rasd::Engine::Create({});
//   if (!engine.ok()) return Fail(engine.status());
//   rasd::Document doc = (*engine)->Analyze(text, {.id = "a1", .date = "2024-11-23"});
#ifndef RASD_ENGINE_H_
#define RASD_ENGINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd {

class Engine;
struct AnalyzeOptions;
namespace internal {
struct Candidate;
// For training (rasd train events): the document and every event candidate, no decision.
Document AnalyzeCandidates(const Engine& engine, std::string_view text, const AnalyzeOptions& options,
                           std::vector<Candidate>* candidates);
}  // namespace internal

struct EngineOptions {
  // Extra lexicon TSV files (data/README.md format) loaded after the built-in
  // ones; a bad file makes Create() fail with "file:line: reason".
  std::vector<std::string> extra_lexicons;

  // Longer inputs are cut at a character boundary before this many bytes and
  // the document carries a warning; bounds memory and time per article.
  size_t max_document_bytes = 16u << 20;

  // Load only the text layer (normaliser, tokenizer, clitic segmenter; no
  // lexicons, no NER model): Create() takes a few milliseconds and
  // Analyze() always stops after the text layer, as with
  // AnalyzeOptions::text_only (same tokens and segments as a full engine's).
  // For callers that need only tokens or index stems (rasd query --text).
  bool text_layer_only = false;

  // Decide events by the hand rules alone, as rasd did before its learned
  // event model (docs/events.md): for comparisons.
  bool event_rules_only = false;
  // A learned event model file (rasd train events) instead of the built-in one.
  std::string event_model_path;
  // Event confidences: the built-in calibration (empty), a calibration file
  // (tools/annotation/calibrate.py), or "none" for the model's raw probability.
  std::string event_calibration_path;
};

// The confidence below which events are left out when a caller does not say.
// 0: every event the grammar and the model keep. On the dev split 0.2 scores
// better (document F1 0.389 against 0.374) but drops simple negated and
// reported events the model doubts (tests/testdata/event_cases.tsv), so it is
// a documented choice for precision, not the default (docs/events.md).
inline constexpr float kDefaultMinConfidence = 0.0f;

struct AnalyzeOptions {
  std::string id;
  std::string date;  // YYYY-MM-DD; anchors relative dates
  // Stop after the text layer (sentences, tokens, segments).
  bool text_only = false;
  // Drop events whose confidence is below this (0..1; docs/events.md).
  float min_confidence = kDefaultMinConfidence;
  // The outlet that published the text (a JSONL record's "source": JawharaFM, okaz): a national
  // outlet's country is the home of the state bodies the text names without one
  // (data/lexicons/outlets.tsv; docs/entities.md).
  std::string source = {};
};

// What the lexicons know about a phrase found in a text (rasd lexicon lookup).
struct LexiconHit {
  std::string text;     // the matched words as written
  Span span;            // bytes in the looked-up text
  std::string type;     // country, nisba, place, organization, gov_body, role, …
  std::string code;     // actor/country code (KAZ, IGOUNO, PSEREB) or ""
  std::string country;  // ISO 3166 alpha-3 or ""
  std::string sector;   // GOV, MIL … or ""
  std::string kind;     // the entry's sub-kind: short, capital, minister, gregorian …
  std::string value;    // month, weekday, number or offset, or ""
  // "metonym" (capitals standing for governments), a temporal unit, a trigger's PLOVER mode and the
  // evaluation its clause needs ("disapprove, needs negative"), or ""
  std::string note;
  std::string surface;  // the lexicon entry as written
  std::string source;   // "data/lexicons/countries.tsv:118"
};

class Engine {
 public:
  static StatusOr<std::unique_ptr<Engine>> Create(const EngineOptions& options = {});

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // Analyses `text` (any bytes). Thread-safe.
  Document Analyze(std::string_view text, const AnalyzeOptions& options = {}) const;

  // Finds every lexicon phrase in `text`, with all the entries each matches.
  std::vector<LexiconHit> LookupLexicon(std::string_view text) const;

  // Number of lexicon entries loaded (built-in and extra).
  size_t lexicon_size() const;

  struct Impl;

 private:
  friend Document internal::AnalyzeCandidates(const Engine&, std::string_view, const AnalyzeOptions&,
                                              std::vector<internal::Candidate>*);
  explicit Engine(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace rasd

#endif  // RASD_ENGINE_H_
