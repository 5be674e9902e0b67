// rasd ingest | query | stats | show: the event store (docs/storage.md).
// Analysis runs on N threads; ONE writer thread owns the database and commits
// a transaction every --batch documents, so a killed ingest keeps whole
// batches only and a re-run completes it (ids are unique, unchanged content
// is skipped).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/input.h"
#include "json/document_json.h"
#include "json/event_row_json.h"
#include "json/exports.h"
#include "json/jsonl_reader.h"
#include "rasd/engine.h"
#include "rasd/storage.h"

namespace rasd::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A bounded multi-producer multi-consumer queue; Close() wakes everyone.
template <typename T>
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  bool Pop(T* item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }
  // Producers finished: consumers drain what is left, then stop.
  void Finish() { Close(); }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

struct Job {
  DocumentMeta meta;
  std::string text;
};

struct Analysed {
  DocumentMeta meta;
  Document doc;
  size_t bytes = 0;
};

struct IngestArgs {
  std::string db = "rasd.db";
  std::vector<std::string> inputs;
  int threads = 0;
  int batch = 500;
  bool reprocess = false;
  std::string date;
  float min_confidence = kDefaultMinConfidence;  // events below it are not stored
};

struct IngestCounters {
  std::atomic<uint64_t> read{0}, inserted{0}, replaced{0}, unchanged{0}, malformed{0}, events{0};
  std::atomic<uint64_t> bytes_done{0};
  uint64_t total_bytes = 0;  // 0 when unknown (standard input)
};

std::string FormatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

// Expands directories (recursively: *.txt and *.jsonl, sorted) and keeps files and "-".
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, bool* error) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::string ext = it->path().extension().string();
        if (ext == ".txt" || ext == ".jsonl") files.push_back(it->path().string());
      }
      if (ec) {
        std::cerr << "rasd ingest: " << in << ": " << ec.message() << "\n";
        *error = true;
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

bool IsJsonl(const std::string& path) {
  return path == "-" || fs::path(path).extension() == ".jsonl" || fs::path(path).extension() == ".json";
}

// The reader: turns inputs into jobs; skips records already stored unchanged.
class Reader {
 public:
  Reader(const IngestArgs& args, Queue<Job>* jobs, IngestCounters* counters, Store* lookup)
      : args_(args), jobs_(jobs), counters_(counters), lookup_(lookup) {}

  // Returns false when the queue was closed (the writer failed).
  bool Emit(Job job) {
    counters_->read++;
    if (lookup_ != nullptr && !args_.reprocess) {
      auto hash = lookup_->StoredHash(job.meta.id);
      if (hash.ok() && hash->has_value() && **hash == ContentHash(job.meta, job.text)) {
        counters_->unchanged++;
        counters_->bytes_done += job.text.size();
        return true;
      }
    }
    return jobs_->Push(std::move(job));
  }

  int ReadJsonl(const std::string& path) {
    return ForEachJsonlRecord(
        path, "rasd ingest",
        [&](ArticleRecord& record, const std::string& fallback_id, size_t line_bytes) {
          Job job;
          job.meta.id = record.id.empty() ? fallback_id : record.id;
          job.meta.date = record.date.empty() ? args_.date : record.date.substr(0, 10);
          job.meta.title = std::move(record.title);
          job.meta.source = std::move(record.source);
          job.meta.url = std::move(record.url);
          job.text = std::move(record.text);
          // JSON escapes make the line longer than the text: count the line.
          counters_->bytes_done += line_bytes - job.text.size();
          return Emit(std::move(job));
        },
        [&](size_t line_bytes) {
          counters_->malformed++;
          counters_->bytes_done += line_bytes;
        });
  }

  int ReadText(const std::string& path) {
    auto text = ReadWholeInput(path, InputLimits().max_article_bytes);
    if (!text.ok()) {
      std::cerr << "rasd ingest: " << text.status().message() << "\n";
      return kExitFailure;
    }
    Job job;
    job.meta.id = path;
    job.meta.date = args_.date;
    job.text = std::move(*text);
    Emit(std::move(job));
    return kExitOk;
  }

 private:
  const IngestArgs& args_;
  Queue<Job>* jobs_;
  IngestCounters* counters_;
  Store* lookup_;
};

void PrintProgress(const IngestCounters& c, double seconds, bool final_line) {
  const double done = static_cast<double>(c.inserted + c.replaced + c.unchanged);
  const double rate = seconds > 0 ? done / seconds : 0;
  const double mbps = seconds > 0 ? static_cast<double>(c.bytes_done) / seconds / 1e6 : 0;
  std::string eta = "?";
  if (c.total_bytes > 0 && mbps > 0) {
    double left = static_cast<double>(c.total_bytes) - static_cast<double>(c.bytes_done);
    eta = FormatDuration(std::max(0.0, left / (mbps * 1e6)));
  }
  std::fprintf(stderr, "\r%.0f articles, %.1f articles/s, %.2f MB/s, %llu events, ETA %s   %s", done, rate, mbps,
               static_cast<unsigned long long>(c.events.load()), eta.c_str(), final_line ? "\n" : "");
  std::fflush(stderr);
}

int RunIngest(const IngestArgs& args) {
  if (!args.date.empty()) {
    Status valid = ValidateDate(args.date, /*allow_time=*/false, nullptr);
    if (!valid.ok()) {
      std::cerr << "rasd ingest: --date: " << valid.message() << "\n";
      return kExitUsage;
    }
  }
  bool input_error = false;
  const std::vector<std::string> inputs = ExpandInputs(args.inputs, &input_error);

  auto store = Store::Open(args.db);
  if (!store.ok()) {
    std::cerr << "rasd ingest: " << store.status().message() << "\n";
    return kExitFailure;
  }
  std::unique_ptr<Store> lookup;
  if (args.db != ":memory:") {
    auto ro = Store::Open(args.db, {.read_only = true});
    if (ro.ok()) lookup = std::move(*ro);
  }
  auto engine = Engine::Create();
  if (!engine.ok()) {
    std::cerr << "rasd ingest: " << engine.status().message() << "\n";
    return kExitFailure;
  }

  IngestCounters counters;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in == "-") continue;
    uintmax_t size = fs::file_size(in, ec);
    if (!ec) counters.total_bytes += size;
  }
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) counters.total_bytes = 0;

  const int threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  Queue<Job> jobs(static_cast<size_t>(threads) * 8);
  Queue<Analysed> analysed(64);  // bounds memory: analysed documents are large

  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      Job job;
      while (jobs.Pop(&job)) {
        AnalyzeOptions options;
        options.id = job.meta.id;
        options.date = job.meta.date;
        options.source = job.meta.source;
        options.min_confidence = args.min_confidence;
        Analysed a;
        a.bytes = job.text.size();
        a.doc = (*engine)->Analyze(job.text, options);
        a.meta = std::move(job.meta);
        if (!analysed.Push(std::move(a))) break;
      }
    });
  }

  // The one writer: batches of args.batch documents, each one transaction.
  Status write_status;  // set by the writer before write_failed
  std::atomic<bool> write_failed{false};
  const bool tty = isatty(STDERR_FILENO) == 1;
  const Clock::time_point start = Clock::now();
  std::thread writer([&] {
    Store& db = **store;
    int in_batch = 0;
    Clock::time_point batch_start = Clock::now(), last_progress = Clock::now();
    Analysed a;
    auto fail = [&](Status s) {
      write_status = std::move(s);
      write_failed = true;
      db.RollbackBatch();
      jobs.Close();
      analysed.Close();
    };
    while (analysed.Pop(&a)) {
      if (in_batch == 0) {
        Status s = db.BeginBatch();
        if (!s.ok()) return fail(s);
        batch_start = Clock::now();
      }
      auto put = db.Put(a.meta, a.doc, args.reprocess);
      if (!put.ok()) return fail(put.status());
      ++in_batch;
      counters.bytes_done += a.bytes;
      switch (*put) {
        case PutResult::kInserted: counters.inserted++; counters.events += a.doc.events.size(); break;
        case PutResult::kReplaced: counters.replaced++; counters.events += a.doc.events.size(); break;
        case PutResult::kUnchanged: counters.unchanged++; break;
      }
      const Clock::time_point now = Clock::now();
      if (in_batch >= args.batch || now - batch_start > std::chrono::seconds(2)) {
        Status s = db.CommitBatch();
        if (!s.ok()) return fail(s);
        in_batch = 0;
      }
      if (tty && now - last_progress > std::chrono::milliseconds(500)) {
        PrintProgress(counters, std::chrono::duration<double>(now - start).count(), false);
        last_progress = now;
      }
    }
    if (in_batch > 0) {
      Status s = db.CommitBatch();
      if (!s.ok()) return fail(s);
    }
  });

  int rc = input_error ? kExitFailure : kExitOk;
  Reader reader(args, &jobs, &counters, lookup.get());
  for (const std::string& path : inputs) {
    int r = IsJsonl(path) ? reader.ReadJsonl(path) : reader.ReadText(path);
    rc = std::max(rc, r);
    if (write_failed) break;
  }
  jobs.Finish();
  for (std::thread& t : workers) t.join();
  analysed.Finish();
  writer.join();
  lookup.reset();

  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (tty) PrintProgress(counters, seconds, true);
  if (!write_status.ok()) {
    std::cerr << "rasd ingest: " << args.db << ": " << write_status.message()
              << "\nrasd ingest: stopped; the database keeps every batch committed before the error\n";
    return kExitFailure;
  }
  const uint64_t done = counters.inserted + counters.replaced + counters.unchanged;
  std::fprintf(stderr,
               "rasd ingest: %llu articles (%llu new, %llu replaced, %llu unchanged, %llu malformed), %llu events, "
               "%.1f s, %.1f articles/s, %.2f MB/s -> %s\n",
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(counters.inserted.load()),
               static_cast<unsigned long long>(counters.replaced.load()),
               static_cast<unsigned long long>(counters.unchanged.load()),
               static_cast<unsigned long long>(counters.malformed.load()),
               static_cast<unsigned long long>(counters.events.load()), seconds,
               seconds > 0 ? static_cast<double>(done) / seconds : 0.0,
               seconds > 0 ? static_cast<double>(counters.bytes_done) / seconds / 1e6 : 0.0, args.db.c_str());
  if (rc == kExitOk && counters.malformed > 0) rc = kExitPartial;
  return rc;
}

// ---- query ----

struct QueryArgs {
  std::string db = "rasd.db";
  EventQuery query;
  std::string text;
  std::string format = "table";
  double min_goldstein = -100;  // below the scale: no filter
};

std::string JoinCodes(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Three decimals, as the document JSON writes it.
std::string FormatConfidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  return buf;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Pads or cuts `s` to `width` characters (code points, not bytes).
std::string Cell(const std::string& s, size_t width) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
    if (chars + 1 > width || (chars + 1 == width && i + len < s.size())) {
      out += "…";
      ++chars;
      break;
    }
    char ch = s[i];
    out += ch == '\n' || ch == '\t' ? std::string(" ") : s.substr(i, len);
    ++chars;
    i += len;
  }
  return out + std::string(width > chars ? width - chars : 0, ' ');
}

StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& path) {
  if (path != ":memory:" && !fs::exists(path)) return NotFoundError(path + ": no such database (run rasd ingest first)");
  return Store::Open(path, {.read_only = true});
}

int RunQuery(QueryArgs args) {
  for (const std::string* d : {&args.query.since, &args.query.until}) {
    Status valid = d->empty() ? Status::Ok() : ValidateDatePrefix(*d);
    if (!valid.ok()) {
      std::cerr << "rasd query: --since/--until: " << valid.message() << "\n";
      return kExitUsage;
    }
  }
  auto store = OpenForReading(args.db);
  if (!store.ok()) {
    std::cerr << "rasd query: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (!args.text.empty()) {
    // Stems as ingest indexes them (IndexStems over the same text layer);
    // the rest of the engine is not needed for that.
    EngineOptions engine_options;
    engine_options.text_layer_only = true;
    auto engine = Engine::Create(engine_options);
    if (!engine.ok()) {
      std::cerr << "rasd query: " << engine.status().message() << "\n";
      return kExitFailure;
    }
    AnalyzeOptions options;
    options.text_only = true;
    args.query.text_stems = IndexStems((*engine)->Analyze(args.text, options));
    if (args.query.text_stems.empty()) {
      std::cerr << "rasd query: --text has no words\n";
      return kExitUsage;
    }
  }
  if (args.min_goldstein >= -10) args.query.min_goldstein = args.min_goldstein;
  auto rows = (*store)->QueryEvents(args.query);
  if (!rows.ok()) {
    std::cerr << "rasd query: " << rows.status().message() << "\n";
    return kExitFailure;
  }
  std::string out;
  if (args.format == "csv") {
    out += "event_id,doc_id,date,type,mode,cameo,actor,recipient,actor_text,recipient_text,anchor,place,"
           "attribution,negated,modality,source,title,url,sentence,confidence\n";
  } else if (args.format == "icews") {
    AppendIcewsHeader(&out);
  } else if (args.format == "table" && !rows->empty()) {
    out += Cell("date", 10) + "  " + Cell("type", 9) + " " + Cell("cameo", 5) + " " + Cell("actor", 14) + " " +
           Cell("recipient", 14) + " " + Cell("anchor", 24) + " event\n";
  }
  for (const EventRow& r : *rows) {
    const std::string event_id = r.doc_id + "-" + std::to_string(r.event_index + 1);
    if (args.format == "csv") {
      const std::string fields[] = {event_id, r.doc_id, r.date, r.type, r.mode, r.cameo,
                                    JoinCodes(r.actor_codes, "+"), JoinCodes(r.recipient_codes, "+"),
                                    JoinCodes(r.actor_texts, "+"), JoinCodes(r.recipient_texts, "+"), r.anchor,
                                    r.place, r.attribution_code, r.negated ? "1" : "0", r.modality, r.source,
                                    r.title, r.url, r.sentence, FormatConfidence(r.confidence)};
      for (size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + Csv(fields[i]);
      out += "\n";
    } else if (args.format == "icews") {
      AppendIcewsRows(r, &out);
    } else if (args.format == "polecat") {
      AppendPolecatJson(r, &out);
      out += "\n";
    } else if (args.format == "json" || args.format == "plover") {
      AppendEventRowJson(r, args.format == "json", &out);
      out += "\n";
    } else {
      out += Cell(r.date.empty() ? "-" : r.date, 10) + "  " + Cell(r.type, 9) + " " + Cell(r.cameo, 5) + " " +
             Cell(JoinCodes(r.actor_codes, "+"), 14) + " " +
             Cell(r.recipient_codes.empty() ? "-" : JoinCodes(r.recipient_codes, "+"), 14) + " " +
             Cell(r.anchor, 24) + " " + event_id + (r.negated ? " (negated)" : "") + "\n";
    }
    if (out.size() > (1u << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  if (args.format == "table") {
    out += std::to_string(rows->size()) + (rows->size() == 1 ? " event" : " events") +
           (args.query.limit > 0 && static_cast<int64_t>(rows->size()) == args.query.limit ? " (--limit reached)" : "") +
           "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::perror("rasd query: write");
    return kExitFailure;
  }
  return kExitOk;
}

// ---- stats ----

struct StatsArgs {
  std::string db = "rasd.db";
  std::string by;
  std::string per;      // with --measure: day, month, year or "" (all time)
  std::string measure;  // "goldstein": sum and mean per group and period
  int64_t limit = 0;
};

// `rasd stats --measure goldstein [--by …] [--per …]`: a TSV table (key,
// period, events, scored, goldstein_sum, goldstein_mean) with a header line.
int RunAggregate(Store& store, const StatsArgs& args) {
  auto rows = store.AggregateGoldstein(args.by == "month" ? "" : args.by, args.by == "month" ? "month" : args.per);
  if (!rows.ok()) {
    std::cerr << "rasd stats: " << rows.status().message() << "\n";
    return kExitFailure;
  }
  std::printf("%s\tperiod\tevents\tscored\tgoldstein_sum\tgoldstein_mean\n", args.by.empty() ? "group" : args.by.c_str());
  int64_t n = 0;
  for (const AggregateRow& r : *rows) {
    if (args.limit > 0 && n++ >= args.limit) break;
    std::printf("%s\t%s\t%lld\t%lld\t%.1f\t%.3f\n", r.key.c_str(), r.period.c_str(), static_cast<long long>(r.events),
                static_cast<long long>(r.scored), r.sum, r.mean);
  }
  return kExitOk;
}

int RunStats(const StatsArgs& args) {
  auto store = OpenForReading(args.db);
  if (!store.ok()) {
    std::cerr << "rasd stats: " << store.status().message() << "\n";
    return kExitFailure;
  }
  if (!args.measure.empty()) return RunAggregate(**store, args);
  if (!args.per.empty()) {
    std::cerr << "rasd stats: --per needs --measure goldstein\n";
    return kExitUsage;
  }
  if (args.by.empty()) {
    auto t = (*store)->Totals();
    if (!t.ok()) {
      std::cerr << "rasd stats: " << t.status().message() << "\n";
      return kExitFailure;
    }
    std::printf("documents %lld\nentities %lld\nevents %lld\nschema_version %d\n",
                static_cast<long long>(t->documents), static_cast<long long>(t->entities),
                static_cast<long long>(t->events), t->schema_version);
    return kExitOk;
  }
  auto rows = (*store)->CountEvents(args.by, args.limit);
  if (!rows.ok()) {
    std::cerr << "rasd stats: " << rows.status().message() << "\n";
    return kExitFailure;
  }
  for (const CountRow& r : *rows) std::printf("%8lld  %s\n", static_cast<long long>(r.count), r.key.c_str());
  return kExitOk;
}

// ---- show ----

struct ShowArgs {
  std::string db = "rasd.db";
  std::string id;
  std::string format = "text";
};

int RunShow(const ShowArgs& args) {
  auto store = OpenForReading(args.db);
  if (!store.ok()) {
    std::cerr << "rasd show: " << store.status().message() << "\n";
    return kExitFailure;
  }
  auto got = (*store)->Get(args.id);
  if (!got.ok()) {
    std::cerr << "rasd show: " << got.status().message() << "\n";
    return kExitFailure;
  }
  if (!got->has_value()) {
    std::cerr << "rasd show: " << args.id << ": no such document in " << args.db << "\n";
    return kExitFailure;
  }
  const DocumentMeta& meta = (*got)->first;
  const Document& doc = (*got)->second;
  if (args.format == "json") {
    JsonOptions jo;
    jo.tokens = false;
    std::printf("%s\n", DocumentToJson(doc, jo).c_str());
    return kExitOk;
  }
  std::printf("id:     %s\n", meta.id.c_str());
  if (!meta.date.empty()) std::printf("date:   %s\n", meta.date.c_str());
  if (!meta.source.empty()) std::printf("source: %s\n", meta.source.c_str());
  if (!meta.title.empty()) std::printf("title:  %s\n", meta.title.c_str());
  if (!meta.url.empty()) std::printf("url:    %s\n", meta.url.c_str());
  std::printf("\n%s\n", doc.text.c_str());
  std::printf("\nENTITIES (%zu)\n", doc.entities.size());
  for (const Entity& e : doc.entities) {
    std::printf("  %-4s %s", EntityTypeName(e.type), e.text.c_str());
    if (!e.code.empty()) std::printf("  [%s]", e.code.c_str());
    if (!e.value.empty()) std::printf("  = %s", e.value.c_str());
    if (e.cluster >= 0) std::printf("  #%d", e.cluster);
    std::printf("\n");
  }
  std::printf("\nEVENTS (%zu)\n", doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& ev = doc.events[i];
    std::string actor, recipient;
    for (const EventActor& a : ev.actor) actor += (actor.empty() ? "" : "+") + a.code;
    for (const EventActor& a : ev.recipient) recipient += (recipient.empty() ? "" : "+") + a.code;
    std::printf("  %zu. %-9s %-5s %s -> %s  %s  \"%s\"%s%s\n", i + 1, ev.type.c_str(), ev.cameo.c_str(),
                actor.c_str(), recipient.empty() ? "-" : recipient.c_str(), ev.date.empty() ? "-" : ev.date.c_str(),
                std::string(doc.Text(ev.anchor)).c_str(), ev.negated ? " (negated)" : "",
                ev.attribution_code.empty() ? "" : (" (said by " + ev.attribution_code + ")").c_str());
  }
  return kExitOk;
}

}  // namespace

Runner AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Analyse articles and store them with their events (docs/storage.md)");
  cmd->add_option("--db", args->db, "SQLite database file (created if absent)")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Analysis threads (default: all cores); one thread writes")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--batch", args->batch, "Documents per transaction")->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_flag("--reprocess", args->reprocess, "Analyse and rewrite documents even when unchanged");
  cmd->add_option("--min-confidence", args->min_confidence,
                  "Store only events whose confidence is at least X (0..1; 0: every event); documents already "
                  "stored keep theirs unless --reprocess")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--date", args->date, "Date YYYY-MM-DD for .txt inputs (JSONL records carry their own)");
  cmd->add_option("inputs", args->inputs,
                  "JSONL files (.jsonl: id, date, text, title, source, url), text files (id = path), directories "
                  "of them, or - (JSONL on standard input)")
      ->required();
  return [args] { return RunIngest(*args); };
}

Runner AddQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "Print stored events matching filters");
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--actor", args->query.actor, "Actor country code (PSE) or code prefix (PSEGOV, IGO)");
  cmd->add_option("--recipient", args->query.recipient, "Recipient country code or code prefix");
  cmd->add_option("--type", args->query.type, "PLOVER event type (CONSULT, ACCUSE …)");
  cmd->add_option("--cameo", args->query.cameo, "CAMEO code prefix (04, 042)");
  cmd->add_option("--since", args->query.since, "Events on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--until", args->query.until, "Events on or before this date (YYYY[-MM[-DD]], inclusive)");
  cmd->add_option("--text", args->text, "Articles containing every word (normalised, clitics removed)");
  cmd->add_option("--source", args->query.source, "Articles from this source");
  cmd->add_option("--limit", args->query.limit, "At most N events (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--offset", args->query.offset, "Skip the first N matching events (pagination)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-goldstein", args->min_goldstein, "Events whose Goldstein score is at least X (-10..10)")
      ->check(CLI::Range(-10.0, 10.0));
  cmd->add_option("--min-confidence", args->query.min_confidence,
                  "Events whose confidence is at least X (0..1; docs/events.md: 0.15 trades recall for precision)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--quad", args->query.quad_class,
                  "Events of this QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                  "4 material conflict")
      ->check(CLI::Range(1, 4));
  cmd->add_option("--format", args->format,
                  "table (terminal), json (JSON lines), csv (with header), plover, icews (ICEWS-style TSV), "
                  "polecat (POLECAT-style JSON lines)")
      ->check(CLI::IsMember({"table", "json", "csv", "plover", "icews", "polecat"}))
      ->capture_default_str();
  return [args] { return RunQuery(*args); };
}

Runner AddStatsCommand(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Count stored documents and events");
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--by", args->by,
                  "Count events by dyad, type, month or source (default: totals); with --measure also actor, "
                  "recipient, country (of the location)")
      ->check(CLI::IsMember({"dyad", "type", "month", "source", "actor", "recipient", "country"}));
  cmd->add_option("--per", args->per, "With --measure: one row per group and day, month or year")
      ->check(CLI::IsMember({"day", "month", "year"}));
  cmd->add_option("--measure", args->measure, "goldstein: the sum and mean Goldstein score per group (and period)")
      ->check(CLI::IsMember({"goldstein"}));
  cmd->add_option("--limit", args->limit, "At most N rows (0: all)")->check(CLI::NonNegativeNumber);
  return [args] { return RunStats(*args); };
}

Runner AddShowCommand(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print a stored article with its entities and events");
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--format", args->format, "text (readable) or json (the extract JSON, without tokens)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("id", args->id, "Document id")->required();
  return [args] { return RunShow(*args); };
}

}  // namespace rasd::cli
