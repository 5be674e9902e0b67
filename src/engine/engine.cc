#include "rasd/engine.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "base/utf8.h"
#include "engine/builtin_data.h"
#include "entities/entities.h"
#include "events/events.h"
#include "events/intensity.h"
#include "geo/gazetteer.h"
#include "geo/location.h"
#include "lexicon/lexicon.h"
#include "ner/perceptron_tagger.h"
#include "temporal/temporal.h"
#include "rasd/limits.h"
#include "rasd/normalize.h"
#include "segment/sentence_splitter.h"
#include "tokenize/clitics.h"
#include "tokenize/tokenizer.h"

namespace rasd {

struct Engine::Impl {
  EngineOptions options;
  NormalizeOptions norm_options;
  std::optional<internal::CliticSegmenter> segmenter;
  internal::Lexicon lexicon;         // entities: countries, places, roles, calendar …
  internal::Lexicon event_lexicon;   // triggers, speech verbs, modality words
  std::optional<internal::GappedPhrases> gapped;  // built from event_lexicon
  internal::PerceptronTagger tagger;
  std::optional<internal::EventModels> event_model;  // data/models/events.model
  std::optional<internal::IntensityTable> intensity;  // data/codebook/goldstein.tsv, plover_intensity.tsv
  std::optional<internal::Gazetteer> gazetteer;       // data/geo/gazetteer.tsv

  Document TextLayer(std::string_view input, const AnalyzeOptions& options) const;
  // Text layer, entities and event candidates; events when `candidates` is null.
  Document Analyze(std::string_view input, const AnalyzeOptions& options,
                   std::vector<internal::Candidate>* candidates) const;
};

Engine::Engine(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->norm_options = internal::SegmenterNormalizeOptions();
  // Built at build time from BuiltinSegmenterVocabulary() and
  // BuiltinSegmenterGuard() (rasd_segc), read in place.
  auto segmenter = internal::CliticSegmenter::FromBlob(internal::BuiltinSegmenterTable());
  if (!segmenter.ok()) return segmenter.status();
  impl->segmenter.emplace(std::move(segmenter).value());
  if (options.text_layer_only) return std::unique_ptr<Engine>(new Engine(std::move(impl)));
  auto lexicon = internal::Lexicon::FromBlob(internal::BuiltinLexiconBlob(),
                                             [](internal::EntryType t) { return !internal::IsEventEntryType(t); });
  if (!lexicon.ok()) return lexicon.status();
  impl->lexicon = std::move(lexicon).value();
  auto event_lexicon = internal::Lexicon::FromBlob(internal::BuiltinLexiconBlob(), internal::IsEventEntryType);
  if (!event_lexicon.ok()) return event_lexicon.status();
  impl->event_lexicon = std::move(event_lexicon).value();
  for (const std::string& path : options.extra_lexicons) {
    // User trigger, speech and modality files extend the event lexicon.
    std::string base = path.substr(path.find_last_of('/') + 1);
    bool for_events = base.starts_with("triggers") || base.starts_with("speech") || base.starts_with("modality");
    RASD_RETURN_IF_ERROR((for_events ? impl->event_lexicon : impl->lexicon).AddTsvFile(path));
  }
  impl->gapped.emplace(impl->event_lexicon, impl->lexicon);
  auto intensity = internal::IntensityTable::FromTsv(internal::BuiltinGoldstein(), internal::BuiltinPloverIntensity());
  if (!intensity.ok()) return intensity.status();
  impl->intensity.emplace(std::move(intensity).value());
  auto gazetteer = internal::Gazetteer::FromTsv(internal::BuiltinGazetteer());
  if (!gazetteer.ok()) return gazetteer.status();
  impl->gazetteer.emplace(std::move(gazetteer).value());
  auto tagger = internal::PerceptronTagger::Load(internal::BuiltinNerModel());
  if (!tagger.ok()) return tagger.status();
  impl->tagger = std::move(tagger).value();
  if (!options.event_rules_only) {
    std::string model_bytes;
    if (!options.event_model_path.empty()) {
      std::ifstream in(options.event_model_path, std::ios::binary);
      if (!in) return NotFoundError(options.event_model_path + ": cannot open the event model");
      model_bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    auto event_model = internal::EventModels::Load(options.event_model_path.empty() ? internal::BuiltinEventModel()
                                                                                    : std::string_view(model_bytes));
    if (!event_model.ok()) {
      return Status(event_model.status().code(),
                    (options.event_model_path.empty() ? "built-in event model" : options.event_model_path) + ": " +
                        event_model.status().message());
    }
    impl->event_model.emplace(std::move(event_model).value());
    if (options.event_calibration_path != "none") {
      std::string tsv;
      if (!options.event_calibration_path.empty()) {
        std::ifstream in(options.event_calibration_path, std::ios::binary);
        if (!in) return NotFoundError(options.event_calibration_path + ": cannot open the event calibration");
        tsv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      auto calibration = internal::ConfidenceCalibration::Parse(
          options.event_calibration_path.empty() ? internal::BuiltinEventCalibration() : std::string_view(tsv));
      if (!calibration.ok()) {
        return Status(calibration.status().code(), (options.event_calibration_path.empty()
                                                         ? std::string("built-in event calibration")
                                                         : options.event_calibration_path) +
                                                        ": " + calibration.status().message());
      }
      impl->event_model->calibration = std::move(calibration).value();
    }
  }
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

namespace {

// Cuts `text` before `limit` bytes at a code point boundary.
size_t CutPoint(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

Document Engine::Analyze(std::string_view input, const AnalyzeOptions& options) const {
  return impl_->Analyze(input, options, nullptr);
}

Document internal::AnalyzeCandidates(const Engine& engine, std::string_view text, const AnalyzeOptions& options,
                                     std::vector<Candidate>* candidates) {
  return engine.impl_->Analyze(text, options, candidates);
}

Document Engine::Impl::Analyze(std::string_view input, const AnalyzeOptions& options,
                               std::vector<internal::Candidate>* candidates) const {
  Document doc = TextLayer(input, options);
  if (options.text_only || this->options.text_layer_only) return doc;
  std::vector<internal::LexiconMatch> matches = lexicon.Match(doc);
  internal::FindDatesAndNumbers(doc, lexicon, matches, &doc.entities);
  internal::EntityResources resources{&lexicon, &tagger};
  internal::RecognizeEntities(resources, matches, &doc);
  for (Entity& e : doc.entities) {
    if (e.text.empty()) e.text = std::string(doc.Text(e.span));
  }
  if (candidates != nullptr) {
    *candidates = internal::EventCandidates(event_lexicon, *gapped, lexicon, &doc);
    return doc;
  }
  internal::ExtractEvents(event_lexicon, *gapped, lexicon, event_model ? &*event_model : nullptr, &doc);
  if (options.min_confidence > 0) {
    std::erase_if(doc.events, [&](const Event& e) { return e.confidence < options.min_confidence; });
  }
  // After events are found: what analysts measure and map them by.
  for (Event& ev : doc.events) intensity->Annotate(&ev);
  internal::ResolveLocations(*gazetteer, &doc);
  return doc;
}

size_t Engine::lexicon_size() const { return impl_->lexicon.size() + impl_->event_lexicon.size(); }

std::vector<LexiconHit> Engine::LookupLexicon(std::string_view text) const {
  Document doc = impl_->TextLayer(text, {});
  std::vector<LexiconHit> hits;
  for (const internal::Lexicon* lexicon : {&impl_->lexicon, &impl_->event_lexicon}) {
  for (const internal::LexiconMatch& m : lexicon->Match(doc)) {
    Span span{doc.tokens[m.first_token].span.begin, doc.tokens[m.first_token + m.token_count - 1].span.end};
    for (uint32_t id : m.entries) {
      const internal::LexEntry& e = lexicon->entry(id);
      const bool trigger = e.type == internal::EntryType::kTrigger;
      // A trigger's note: its mode, and the evaluation its clause needs (evaluative_triggers.tsv).
      std::string note = trigger ? e.mode : e.extra;
      if (trigger && !e.evaluation.empty()) note += (note.empty() ? "" : ", ") + ("needs " + e.evaluation);
      hits.push_back(LexiconHit{std::string(doc.Text(span)), span, internal::EntryTypeName(e.type),
                                trigger ? e.cameo : e.code, e.country, e.sector, e.kind, e.value, note, e.surface,
                                lexicon->files()[e.file] + ":" + std::to_string(e.line)});
    }
  }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const LexiconHit& a, const LexiconHit& b) {
    return a.span.begin < b.span.begin;
  });
  return hits;
}

Document Engine::Impl::TextLayer(std::string_view input, const AnalyzeOptions& options) const {
  Document doc;
  doc.id = options.id;
  doc.date = options.date;
  doc.source = options.source;
  // The apps refuse impossible dates before this; a library caller learns
  // why relative dates stay unresolved instead of finding out silently.
  if (!options.date.empty()) {
    Status valid = ValidateDate(options.date, /*allow_time=*/false, nullptr);
    if (!valid.ok()) doc.warnings.push_back("date: " + valid.message() + "; relative dates stay unresolved");
  }
  size_t replaced = 0;
  doc.text = internal::RepairUtf8(input, &replaced);
  if (replaced > 0) {
    doc.warnings.push_back("input: " + std::to_string(replaced) +
                           " ill-formed UTF-8 sequence(s) replaced by U+FFFD");
  }
  if (doc.text.size() > this->options.max_document_bytes) {
    size_t cut = CutPoint(doc.text, this->options.max_document_bytes);
    doc.warnings.push_back("input: truncated from " + std::to_string(doc.text.size()) + " to " +
                           std::to_string(cut) + " bytes (max_document_bytes)");
    doc.text.resize(cut);
  }
  NormalizedText n = Normalize(doc.text, norm_options);
  doc.norm = std::move(n.text);
  doc.norm_to_text = std::move(n.to_orig);
  doc.folded = internal::FoldForMatching(doc.norm);
  internal::Tokenize(segmenter ? &*segmenter : nullptr, &doc);
  internal::SplitSentences(&doc);
  return doc;
}

}  // namespace rasd
