// rasd._rasd: the native half of the Python module. A thin layer: every
// document comes from rasd::Engine::Analyze and is rendered by
// rasd::DocumentToJson (the CLI's JSON), then parsed by Python's json module,
// so Python sees exactly the fields, values and code point offsets of
// `rasd extract`. rasd/__init__.py holds the public functions.
#include <pybind11/pybind11.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "json/document_json.h"
#include "json/jsonl_reader.h"
#include "rasd/engine.h"
#include "rasd/limits.h"
#include "rasd/version.h"

namespace py = pybind11;

namespace {

// One engine per process, created on first use (under the GIL, so once) and
// shared by every thread: Analyze() is const and thread-safe.
std::unique_ptr<rasd::Engine>& EngineSlot() {
  static std::unique_ptr<rasd::Engine> engine;
  return engine;
}
int engines_created = 0;

const rasd::Engine& SharedEngine() {
  auto& slot = EngineSlot();
  if (!slot) {
    auto engine = rasd::Engine::Create({});
    if (!engine.ok()) throw std::runtime_error("rasd: cannot create the engine: " + engine.status().ToString());
    slot = std::move(*engine);
    ++engines_created;
  }
  return *slot;
}

// Text as the engine takes it: str as UTF-8, bytes verbatim (the engine
// repairs ill-formed UTF-8 like the CLI does). Lone surrogates in a str (from
// errors="surrogateescape" decoding) go through as ill-formed bytes, so they
// are repaired too instead of raising.
std::string TextBytes(const py::handle& text, const char* what) {
  if (PyUnicode_Check(text.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data != nullptr) return std::string(data, static_cast<size_t>(size));
    PyErr_Clear();
    py::object raw = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass"));
    if (!raw) throw py::error_already_set();
    return std::string(PyBytes_AS_STRING(raw.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(raw.ptr())));
  }
  if (PyBytes_Check(text.ptr())) {
    return std::string(PyBytes_AS_STRING(text.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(text.ptr())));
  }
  throw py::type_error(std::string(what) + " must be str or bytes, not " +
                       std::string(py::str(py::type::handle_of(text).attr("__name__"))));
}

struct Job {
  std::string text, id, date, source;
};

// (text, id, date) or (text, id, date, source).
Job MakeJob(const py::handle& t) {
  py::tuple tup = py::reinterpret_borrow<py::tuple>(t);
  return Job{TextBytes(tup[0], "text"), py::cast<std::string>(tup[1]), py::cast<std::string>(tup[2]),
             tup.size() > 3 ? py::cast<std::string>(tup[3]) : std::string()};
}

rasd::JsonOptions Options(bool tokens, bool text) {
  rasd::JsonOptions o;
  o.tokens = tokens;
  o.text = text;
  return o;
}

std::string AnalyzeToJson(const rasd::Engine& engine, const Job& job, const rasd::JsonOptions& options,
                          float min_confidence) {
  rasd::AnalyzeOptions ao;
  ao.id = job.id;
  ao.date = job.date;
  ao.source = job.source;
  ao.min_confidence = min_confidence;
  return rasd::DocumentToJson(engine.Analyze(job.text, ao), options);
}

py::object Loads(const std::string& json) {
  // Never destroyed: a static py::object would be released after the
  // interpreter has finalised.
  static const py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(py::bytes(json));
}

// analyze(text, id, date, tokens, text_field, min_confidence, source) -> dict
py::object Analyze(const py::handle& text, const std::string& id, const std::string& date, bool tokens,
                   bool text_field, float min_confidence, const std::string& source) {
  Job job{TextBytes(text, "text"), id, date, source};
  const rasd::Engine& engine = SharedEngine();
  std::string json;
  {
    py::gil_scoped_release nogil;
    json = AnalyzeToJson(engine, job, Options(tokens, text_field), min_confidence);
  }
  return Loads(json);
}

// analyze_many([(text, id, date[, source]), …], threads, tokens, text_field) -> [dict]
// With threads > 1, `threads` workers analyse without the GIL while this
// thread turns finished documents into dicts in input order, so the parsing
// overlaps the analysis; threads = 1 does both in this thread.
py::list AnalyzeMany(const py::sequence& items, int threads, bool tokens, bool text_field, float min_confidence) {
  std::vector<Job> jobs;
  jobs.reserve(py::len(items));
  for (const py::handle& t : items) jobs.push_back(MakeJob(t));
  const rasd::Engine& engine = SharedEngine();
  const rasd::JsonOptions options = Options(tokens, text_field);
  const size_t n = jobs.size();
  py::list out(n);
  if (n == 0) return out;
  const size_t workers = std::clamp<size_t>(threads < 1 ? 1 : static_cast<size_t>(threads), 1, n);
  if (workers == 1) {
    // One thread means one: this thread analyses (GIL released) and parses in turn.
    for (size_t i = 0; i < n; ++i) {
      std::string json;
      {
        py::gil_scoped_release nogil;
        json = AnalyzeToJson(engine, jobs[i], options, min_confidence);
      }
      out[i] = Loads(json);
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
    return out;
  }

  std::vector<std::string> results(n);
  std::vector<char> done(n, 0);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&] {
    for (size_t i; !stop.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < n;) {
      std::string json;
      char state = 1;
      try {
        json = AnalyzeToJson(engine, jobs[i], options, min_confidence);
      } catch (const std::exception& e) {  // out of memory: reported, not std::terminate
        json = e.what();
        state = 2;
      }
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(json);
      done[i] = state;
      cv.notify_one();
    }
  };
  std::vector<std::thread> pool;
  // Joins the workers however this function exits (a KeyboardInterrupt while
  // parsing); they never touch Python objects, so joining under the GIL is safe.
  struct Joiner {
    std::vector<std::thread>& pool;
    std::atomic<bool>& stop;
    ~Joiner() {
      stop = true;
      for (std::thread& t : pool) t.join();
    }
  } joiner{pool, stop};
  for (size_t w = 0; w < workers; ++w) pool.emplace_back(work);

  for (size_t i = 0; i < n; ++i) {
    std::string json;
    char state;
    {
      py::gil_scoped_release nogil;
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[i] != 0; });
      json = std::move(results[i]);
      state = done[i];
    }
    if (state == 2) throw std::runtime_error("rasd: analysing item " + std::to_string(i) + " failed: " + json);
    out[i] = Loads(json);
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }
  return out;
}

// parse_line(line) -> dict: one JSONL article record read exactly as
// `rasd extract --jsonl` reads it (rasd::ParseArticleLine); ValueError with
// the CLI's reason when the line is not a valid record.
py::dict ParseLine(const py::handle& line) {
  std::string bytes = TextBytes(line, "line");
  auto record = rasd::ParseArticleLine(bytes);
  if (!record.ok()) throw py::value_error(record.status().message());
  py::dict d = Loads(record->extra_json);
  auto put = [&](const char* key, const std::string& value, bool always) {
    if (always || !value.empty()) d[key] = py::str(value);
  };
  put("id", record->id, false);
  put("date", record->date, false);
  put("title", record->title, false);
  put("source", record->source, false);
  put("url", record->url, false);
  d["text"] = py::str(record->text);  // valid UTF-8: the reader repairs strings
  return d;
}

// validate_date(date, allow_time) -> "YYYY-MM-DD"; ValueError when the
// date is not a real calendar day (rasd::ValidateDate, as the CLI checks).
std::string ValidateDate(const std::string& date, bool allow_time) {
  std::string day;
  rasd::Status s = rasd::ValidateDate(date, allow_time, &day);
  if (!s.ok()) throw py::value_error(s.message());
  return day;
}

}  // namespace

PYBIND11_MODULE(_rasd, m) {
  m.doc() = "rasd native module (use the rasd package)";
  m.def("analyze", &Analyze, py::arg("text"), py::arg("id"), py::arg("date"), py::arg("tokens"),
        py::arg("text_field"), py::arg("min_confidence") = rasd::kDefaultMinConfidence, py::arg("source") = "");
  m.def("analyze_many", &AnalyzeMany, py::arg("items"), py::arg("threads"), py::arg("tokens"),
        py::arg("text_field"), py::arg("min_confidence") = rasd::kDefaultMinConfidence);
  m.attr("DEFAULT_MIN_CONFIDENCE") = rasd::kDefaultMinConfidence;
  m.def("parse_line", &ParseLine, py::arg("line"));
  m.def("validate_date", &ValidateDate, py::arg("date"), py::arg("allow_time"));
  m.def("load", [] { return SharedEngine().lexicon_size(); });
  m.def("engines_created", [] { return engines_created; });
  m.def("hardware_threads", [] { return std::max(1u, std::thread::hardware_concurrency()); });
  m.attr("__version__") = RASD_VERSION;
}
