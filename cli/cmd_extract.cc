// rasd extract [--date D] [--id ID] [--jsonl] [--summary] FILE...|-
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <cerrno>
#include <cstring>

#include "cli/commands.h"
#include "cli/input.h"
#include "json/document_json.h"
#include "json/exports.h"
#include "json/jsonl_reader.h"
#include "rasd/engine.h"

namespace rasd::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string date;
  std::string id;
  bool jsonl = false;
  bool summary = false;
  bool tokens = false;
  bool pretty = false;
  std::vector<std::string> lexicons;
  std::string format = "json";
  bool event_rules = false;
  std::string event_model;
  std::string event_calibration;
  float min_confidence = kDefaultMinConfidence;
};

// `source`, `title`, `url`: the JSONL record's, for the exports.
void Emit(const Document& doc, const ExtractArgs& args, const ArticleRecord* record = nullptr) {
  if (args.summary) {
    // One line per article, then its persons and organisations with their actors.
    size_t counts[9] = {};
    for (const Entity& e : doc.entities) ++counts[static_cast<int>(e.type)];
    std::printf("%s: %zu sentences, %zu tokens; %zu persons, %zu organisations, %zu places, %zu countries, "
                "%zu dates, %zu numbers%s\n",
                doc.id.c_str(), doc.sentences.size(), doc.tokens.size(), counts[static_cast<int>(EntityType::kPerson)],
                counts[static_cast<int>(EntityType::kOrganization)], counts[static_cast<int>(EntityType::kLocation)],
                counts[static_cast<int>(EntityType::kGpe)], counts[static_cast<int>(EntityType::kDate)],
                counts[static_cast<int>(EntityType::kNumber)], doc.warnings.empty() ? "" : " (warnings)");
    for (const Event& ev : doc.events) {
      std::string actor, recipient;
      for (const EventActor& a : ev.actor) actor += (actor.empty() ? "" : "+") + a.code;
      for (const EventActor& a : ev.recipient) recipient += (recipient.empty() ? "" : "+") + a.code;
      std::printf("  EVENT %-9s %-5s %s -> %s  \"%s\"%s%s%s\n", ev.type.c_str(), ev.cameo.c_str(), actor.c_str(),
                  recipient.empty() ? "-" : recipient.c_str(), std::string(doc.Text(ev.anchor)).c_str(),
                  ev.negated ? " (negated)" : "", ev.modality.empty() ? "" : (" (" + ev.modality + ")").c_str(),
                  ev.attribution_code.empty() ? "" : (" (said by " + ev.attribution_code + ")").c_str());
    }
    for (const Entity& e : doc.entities) {
      bool show = e.type == EntityType::kPerson || e.type == EntityType::kOrganization || e.type == EntityType::kDate;
      if (!show) continue;
      std::printf("  %-4s %s", EntityTypeName(e.type), e.text.c_str());
      if (!e.code.empty()) std::printf("  [%s]", e.code.c_str());
      if (!e.value.empty()) std::printf("  = %s", e.value.c_str());
      if (e.cluster >= 0) std::printf("  #%d", e.cluster);
      std::printf("\n");
    }
    return;
  }
  std::string out;
  if (args.format == "plover") {
    AppendPloverJsonl(doc, &out);
  } else if (args.format == "cameo-tsv") {
    AppendCameoTsv(doc, &out);
  } else if (args.format == "icews" || args.format == "polecat") {
    for (const EventRow& r : record ? EventRowsOf(doc, record->source, record->title, record->url) : EventRowsOf(doc)) {
      if (args.format == "icews") {
        AppendIcewsRows(r, &out);
      } else {
        AppendPolecatJson(r, &out);
        out.push_back('\n');
      }
    }
  } else {
    JsonOptions jo;
    jo.tokens = args.tokens;
    jo.indent = args.pretty ? 1 : -1;
    out = DocumentToJson(doc, jo);
    out.push_back('\n');
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// Streams JSONL records: constant memory, bad lines reported and skipped.
int ExtractJsonl(const Engine& engine, const std::string& path, const ExtractArgs& args, const std::string& date,
                 bool* skipped) {
  return ForEachJsonlRecord(
      path, "rasd extract",
      [&](ArticleRecord& record, const std::string& fallback_id, size_t) {
        AnalyzeOptions options;
        options.id = record.id.empty() ? fallback_id : record.id;
        options.date = record.date.empty() ? date : record.date.substr(0, 10);
        options.source = record.source;
        options.min_confidence = args.min_confidence;
        Emit(engine.Analyze(record.text, options), args, &record);
        return true;
      },
      [&](size_t) { *skipped = true; });
}

int RunExtract(const ExtractArgs& args) {
  std::string date;
  if (!args.date.empty()) {
    Status valid = ValidateDate(args.date, /*allow_time=*/false, &date);
    if (!valid.ok()) {
      std::cerr << "rasd extract: --date: " << valid.message() << "\n";
      return kExitUsage;
    }
  }
  EngineOptions engine_options;
  engine_options.extra_lexicons = args.lexicons;
  engine_options.event_rules_only = args.event_rules;
  engine_options.event_model_path = args.event_model;
  engine_options.event_calibration_path = args.event_calibration;
  auto engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::cerr << "rasd extract: " << engine.status().message() << "\n";
    return kExitFailure;
  }
  bool skipped = false;
  int rc = kExitOk;
  if (args.format == "icews" && !args.summary) {
    std::string header;
    AppendIcewsHeader(&header);
    std::fwrite(header.data(), 1, header.size(), stdout);
  }
  for (const std::string& path : args.inputs) {
    if (args.jsonl) {
      rc = std::max(rc, ExtractJsonl(**engine, path, args, date, &skipped));
      continue;
    }
    auto text = ReadWholeInput(path, InputLimits().max_article_bytes);
    if (!text.ok()) {
      std::cerr << "rasd extract: " << text.status().message() << "\n";
      rc = kExitFailure;
      continue;
    }
    AnalyzeOptions options;
    options.id = !args.id.empty() ? args.id : path;
    options.date = date;
    options.min_confidence = args.min_confidence;
    Emit((*engine)->Analyze(*text, options), args);
  }
  if (std::fflush(stdout) != 0) {
    std::perror("rasd extract: write");
    return kExitFailure;
  }
  if (rc == kExitOk && skipped) rc = kExitPartial;
  return rc;
}

}  // namespace

Runner AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Analyse articles and print one JSON document per article");
  cmd->add_option("--date", args->date, "Document date YYYY-MM-DD (anchors relative dates)");
  cmd->add_option("--id", args->id, "Document id (default: the file name)");
  cmd->add_flag("--jsonl", args->jsonl, "Inputs are JSONL (id, date, text, …): one article a line, streamed");
  cmd->add_flag("--summary", args->summary, "Print one human-readable line per article instead of JSON");
  cmd->add_flag("--tokens", args->tokens, "Include sentences' tokens and clitic segments in the JSON");
  cmd->add_flag("--pretty", args->pretty, "Indent the JSON");
  cmd->add_option("--format", args->format,
                  "json: one document a line; plover: one PLOVER-style event a line (JSONL); "
                  "cameo-tsv: Phoenix-style TSV (id, date, source, target, CAMEO, root, quad class, PLOVER type, "
                  "negated, attributed); icews: ICEWS-style TSV with a header line; polecat: POLECAT-style JSON lines "
                  "(docs/output-format.md)")
      ->check(CLI::IsMember({"json", "plover", "cameo-tsv", "icews", "polecat"}));
  cmd->add_option("--lexicon", args->lexicons, "Extra lexicon TSV file (repeatable; data/README.md format)");
  cmd->add_flag("--event-rules", args->event_rules,
                "Decide events by the hand rules alone, without the learned model (docs/events.md)");
  cmd->add_option("--min-confidence", args->min_confidence,
                  "Leave out events whose confidence is below this (0..1; 0: every event)")
      ->check(CLI::Range(0.0f, 1.0f))
      ->capture_default_str();
  cmd->add_option("--event-model", args->event_model, "A learned event model (rasd train events) instead of the built-in one");
  cmd->add_option("--event-calibration", args->event_calibration,
                  "A confidence calibration (tools/annotation/calibrate.py) instead of the built-in one; "
                  "none: the model's raw probability");
  cmd->add_option("inputs", args->inputs, "Text files (or JSONL with --jsonl), or - for standard input")
      ->required();
  return [args] { return RunExtract(*args); };
}

}  // namespace rasd::cli
