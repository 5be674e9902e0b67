// rasd_ner_clusters: distributional word classes for the NER tagger.
//
//   rasd_ner_clusters --out data/models/ner_clusters.tsv ../shared/corpus/*.jsonl
//
// Reads the "title" and "text" fields of JSONL news articles, splits them into
// words the way ANERcorp is tokenised (whitespace; punctuation on its own;
// clitics stay attached), keys every word by rasd::NormalizeKey (words with a
// digit become <NUM>), and clusters the most frequent words by their neighbours:
//   1. every word of the vocabulary (the --vocab most frequent forms seen at
//      least --min-count times) gets a vector of positive PMI (context
//      distribution smoothed with exponent 0.75) with the --contexts most
//      frequent forms at positions -2, -1, +1, +2 (the rest, and article
//      edges, pooled in one "other" context per position);
//   2. the rows are L2-normalised and projected to --dims dimensions by a fixed
//      pseudo-random ±1 matrix (splitmix64), then normalised again;
//   3. spherical k-means (cosine), words weighted by log frequency, into --k1
//      fine classes, --iters rounds, seeded with pseudo-randomly chosen words;
//   4. the fine centroids are clustered again (weighted) into --k2 and those
//      into --k3 classes, which gives a three-level hierarchy.
// Output: `word<TAB>fine<TAB>mid<TAB>coarse` lines, most frequent first, after
// a header comment. Single-threaded, fixed seeds and summation order: the same
// input gives the same bytes.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <array>
#include <iterator>
#include <span>

#include "base/utf8.h"
#include "json/jsonl_reader.h"
#include "ner/perceptron_tagger.h"
#include "rasd/normalize.h"

namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Calls fn(text) for the non-empty title and text of every article of the
// JSONL files (malformed lines skipped); false, with a message, when a file
// cannot be opened.
template <typename F>
bool ForEachArticleField(const std::vector<std::string>& inputs, F&& fn) {
  for (const std::string& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "rasd_ner_clusters: cannot open " << path << "\n";
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      auto record = rasd::ParseArticleLine(line);
      if (!record.ok()) continue;
      for (const std::string* field : {&record->title, &record->text}) {
        if (!field->empty()) fn(*field);
      }
    }
  }
  return true;
}

bool IsPunct(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
                        (cp >= 0x7B && cp <= 0x7E);
  switch (cp) {
    case 0x060C: case 0x061B: case 0x061F: case 0x06D4: case 0x00AB: case 0x00BB:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2013: case 0x2014: case 0x2026:
      return true;
    default:
      return false;
  }
}

bool IsSpace(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x200F; }

// Splits `text` into ANERcorp-like words and calls emit(word) for each.
template <typename F>
void Words(std::string_view text, F&& emit) {
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t cp = rasd::internal::DecodeUtf8(text, i, &len);
    std::string_view bytes = text.substr(i, static_cast<size_t>(len));
    i += static_cast<size_t>(len);
    if (IsSpace(cp) || IsPunct(cp)) {
      if (!cur.empty()) emit(cur);
      cur.clear();
      if (IsPunct(cp)) emit(std::string(bytes));
    } else {
      cur.append(bytes);
    }
  }
  if (!cur.empty()) emit(cur);
}

}  // namespace

// --profile MODEL: tags the corpus sentences (split after . ! ? ؟, at most 80
// words) with a context-only NER model and writes, for every form seen at
// least 3 times, how often each tag type was given to it:
// `word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC`.
int Profile(const std::string& model_path, const std::vector<std::string>& inputs, const std::string& out_path) {
  std::ifstream mf(model_path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(mf)), std::istreambuf_iterator<char>());
  auto tagger = rasd::internal::PerceptronTagger::Load(bytes);
  if (!tagger.ok()) {
    std::cerr << "rasd_ner_clusters: " << tagger.status().ToString() << "\n";
    return 1;
  }
  std::unordered_map<std::string, uint32_t> ids;  // looked up only
  std::vector<std::string> forms;
  std::vector<std::array<uint32_t, 5>> counts;
  std::vector<std::string> sentence;
  std::vector<uint8_t> tags;
  uint64_t tokens = 0;
  auto flush = [&]() {
    if (sentence.empty()) return;
    tagger->Tag(std::span<const std::string>(sentence), {}, &tags);
    for (size_t i = 0; i < sentence.size(); ++i) {
      std::string key = rasd::NormalizeKey(sentence[i]);
      auto [it, inserted] = ids.try_emplace(key, static_cast<uint32_t>(forms.size()));
      if (inserted) {
        forms.push_back(key);
        counts.push_back({0, 0, 0, 0, 0});
      }
      ++counts[it->second][tags[i] == 0 ? 0 : (tags[i] + 1) / 2];
    }
    tokens += sentence.size();
    sentence.clear();
  };
  bool read = ForEachArticleField(inputs, [&](const std::string& text) {
    Words(text, [&](const std::string& w) {
      sentence.push_back(w);
      if (w == "." || w == "!" || w == "?" || w == "\xD8\x9F" || sentence.size() >= 80) flush();
    });
    flush();
  });
  if (!read) return 1;
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < forms.size(); ++i) {
    uint32_t total = 0;
    for (uint32_t c : counts[i]) total += c;
    if (total >= 3 && !forms[i].empty()) order.push_back(i);
  }
  auto total_of = [&](uint32_t i) {
    uint64_t t = 0;
    for (uint32_t c : counts[i]) t += c;
    return t;
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const uint64_t ta = total_of(a), tb = total_of(b);
    return ta != tb ? ta > tb : forms[a] < forms[b];
  });
  std::string out =
      "# rasd NER corpus tag profiles: word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC (tools/ner_clusters.cc --profile:\n"
      "# tags a context-only model trained on ANERcorp train gave each word in the news corpus; see docs/ner.md)\n";
  for (uint32_t i : order) {
    out.append(forms[i]);
    for (uint32_t c : counts[i]) {
      out.push_back('\t');
      out.append(std::to_string(c));
    }
    out.push_back('\n');
  }
  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  std::cerr << "rasd_ner_clusters: tagged " << tokens << " tokens; wrote " << order.size() << " profiles to "
            << out_path << "\n";
  return 0;
}

int main(int argc, char** argv) {
  std::string out_path, profile_model;
  std::vector<std::string> inputs;
  size_t vocab = 60000, contexts = 400, dims = 160;
  int k1 = 1024, k2 = 256, k3 = 64, min_count = 8, iters = 12;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
    if (a == "--out") out_path = next();
    else if (a == "--vocab") vocab = std::stoul(next());
    else if (a == "--contexts") contexts = std::stoul(next());
    else if (a == "--dims") dims = std::stoul(next());
    else if (a == "--k1") k1 = std::stoi(next());
    else if (a == "--k2") k2 = std::stoi(next());
    else if (a == "--k3") k3 = std::stoi(next());
    else if (a == "--min-count") min_count = std::stoi(next());
    else if (a == "--iters") iters = std::stoi(next());
    else if (a == "--profile") profile_model = next();
    else inputs.push_back(a);
  }
  if (out_path.empty() || inputs.empty() || dims == 0 || k1 < 1 || k1 > 1024 || k2 < 1 ||
      k2 > k1 || k3 < 1 || k3 > k2) {
    std::cerr << "usage: rasd_ner_clusters --out FILE [--vocab N --contexts N --dims N "
                 "--k1 N (<= 1024) --k2 N (<= k1) --k3 N (<= k2) --min-count N --iters N] CORPUS.jsonl...\n";
    return 2;
  }
  if (!profile_model.empty()) return Profile(profile_model, inputs, out_path);
  // ---- read and intern ----------------------------------------------------------------
  std::unordered_map<std::string, uint32_t> ids;  // looked up only; order comes from `forms`
  std::vector<std::string> forms;
  std::vector<uint64_t> freq;
  std::vector<uint32_t> seq;  // word ids; kBreak between fields and articles
  constexpr uint32_t kBreak = 0xFFFFFFFFu;
  bool read = ForEachArticleField(inputs, [&](const std::string& text) {
    Words(text, [&](const std::string& w) {
      std::string key = rasd::NormalizeKey(w);
      if (key.empty()) return;
      bool digit = false;
      for (char c : key) digit |= c >= '0' && c <= '9';
      if (digit) key = "<NUM>";
      auto [it, inserted] = ids.try_emplace(key, static_cast<uint32_t>(forms.size()));
      if (inserted) {
        forms.push_back(key);
        freq.push_back(0);
      }
      ++freq[it->second];
      seq.push_back(it->second);
    });
    seq.push_back(kBreak);
  });
  if (!read) return 1;
  std::cerr << "rasd_ner_clusters: " << seq.size() << " tokens, " << forms.size() << " forms\n";
  // Rank by frequency (ties by form): deterministic.
  std::vector<uint32_t> order(forms.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return freq[a] != freq[b] ? freq[a] > freq[b] : forms[a] < forms[b];
  });
  std::vector<uint32_t> rank(forms.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  size_t V = 0;
  while (V < order.size() && V < vocab && freq[order[V]] >= static_cast<uint64_t>(min_count)) ++V;
  if (V < static_cast<size_t>(k1)) {
    std::cerr << "rasd_ner_clusters: only " << V << " words for " << k1 << " classes\n";
    return 1;
  }
  const size_t C = std::min(contexts, order.size());
  const size_t CC = C + 1;     // + "other"
  const size_t cols = 4 * CC;  // positions -2, -1, +1, +2
  std::cerr << "rasd_ner_clusters: clustering " << V << " words on " << cols << " contexts\n";
  // ---- co-occurrence counts -------------------------------------------------------------
  std::vector<float> m(V * cols, 0.0f);
  std::vector<double> colsum(cols, 0.0);
  auto ctx_of = [&](uint32_t id) { return id == kBreak ? CC - 1 : std::min<size_t>(rank[id], C); };
  for (size_t i = 0; i < seq.size(); ++i) {
    if (seq[i] == kBreak) continue;
    const uint32_t r = rank[seq[i]];
    if (r >= V) continue;
    float* row = &m[r * cols];
    const int offs[4] = {-2, -1, 1, 2};
    for (int p = 0; p < 4; ++p) {
      const long j = static_cast<long>(i) + offs[p];
      uint32_t id = kBreak;
      if (j >= 0 && j < static_cast<long>(seq.size())) id = seq[static_cast<size_t>(j)];
      // Do not look across an article break.
      if (offs[p] == -2 && i >= 1 && seq[i - 1] == kBreak) id = kBreak;
      if (offs[p] == 2 && i + 1 < seq.size() && seq[i + 1] == kBreak) id = kBreak;
      const size_t col = static_cast<size_t>(p) * CC + ctx_of(id);
      row[col] += 1.0f;
      colsum[col] += 1.0;
    }
  }
  // ---- PPMI, normalise, project -------------------------------------------------------------
  double z[4] = {0, 0, 0, 0};
  for (size_t c = 0; c < cols; ++c) z[c / CC] += std::pow(colsum[c], 0.75);
  std::vector<float> proj(cols * dims);
  for (size_t c = 0; c < cols; ++c) {
    for (size_t d = 0; d < dims; ++d) proj[c * dims + d] = (Mix(c * 1000003ull + d) & 1) ? 1.0f : -1.0f;
  }
  std::vector<float> x(V * dims, 0.0f);
  std::vector<double> wfreq(V);
  for (size_t r = 0; r < V; ++r) {
    const double fw = static_cast<double>(freq[order[r]]);
    wfreq[r] = fw;
    float* row = &m[r * cols];
    double norm = 0;
    for (size_t c = 0; c < cols; ++c) {
      if (row[c] == 0) continue;
      const double pc = std::pow(colsum[c], 0.75) / z[c / CC];
      const double pmi = std::log(row[c] / (fw * pc));
      row[c] = pmi > 0 ? static_cast<float>(pmi) : 0.0f;
      norm += static_cast<double>(row[c]) * row[c];
    }
    if (norm == 0) continue;
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    float* xr = &x[r * dims];
    for (size_t c = 0; c < cols; ++c) {
      if (row[c] == 0) continue;
      const float v = row[c] * inv;
      const float* pr = &proj[c * dims];
      for (size_t d = 0; d < dims; ++d) xr[d] += v * pr[d];
    }
    double n2 = 0;
    for (size_t d = 0; d < dims; ++d) n2 += static_cast<double>(xr[d]) * xr[d];
    if (n2 > 0) {
      const float inv2 = static_cast<float>(1.0 / std::sqrt(n2));
      for (size_t d = 0; d < dims; ++d) xr[d] *= inv2;
    }
  }
  m.clear();
  m.shrink_to_fit();
  // ---- spherical k-means ------------------------------------------------------------------
  // Clusters the n rows of `pts` (unit length, weights w) into k; returns the
  // assignment and writes the centroids.
  auto kmeans = [&](const std::vector<float>& pts, const std::vector<double>& w, size_t n, int k, int rounds,
                    uint64_t seed, std::vector<float>* cent) {
    std::vector<uint32_t> assign(n, 0);
    const size_t K = static_cast<size_t>(k);
    cent->assign(K * dims, 0.0f);
    std::vector<char> used(n, 0);
    uint64_t s = seed;
    for (size_t c = 0; c < K; ++c) {
      size_t p;
      do {
        s += 0x9E3779B97F4A7C15ull;
        p = static_cast<size_t>(Mix(s) % n);
      } while (used[p]);
      used[p] = 1;
      std::copy(&pts[p * dims], &pts[p * dims] + dims, &(*cent)[c * dims]);
    }
    for (int it = 0; it < rounds; ++it) {
      size_t changed = 0;
      for (size_t p = 0; p < n; ++p) {
        const float* xp = &pts[p * dims];
        float best = -1e30f;
        uint32_t arg = 0;
        for (size_t c = 0; c < K; ++c) {
          const float* cc = &(*cent)[c * dims];
          float dot = 0;  // in order: the same float result on every run
          for (size_t d = 0; d < dims; ++d) dot += xp[d] * cc[d];
          if (dot > best) {
            best = dot;
            arg = static_cast<uint32_t>(c);
          }
        }
        changed += assign[p] != arg;
        assign[p] = arg;
      }
      std::vector<double> sum(K * dims, 0.0);
      for (size_t p = 0; p < n; ++p) {
        const size_t c = assign[p];
        for (size_t d = 0; d < dims; ++d) sum[c * dims + d] += w[p] * pts[p * dims + d];
      }
      for (size_t c = 0; c < K; ++c) {
        double n2 = 0;
        for (size_t d = 0; d < dims; ++d) n2 += sum[c * dims + d] * sum[c * dims + d];
        if (n2 == 0) continue;  // empty: keep the old centroid
        const double inv = 1.0 / std::sqrt(n2);
        for (size_t d = 0; d < dims; ++d) (*cent)[c * dims + d] = static_cast<float>(sum[c * dims + d] * inv);
      }
      std::cerr << "rasd_ner_clusters: k=" << k << " round " << it + 1 << ": " << changed << " moved\n";
    }
    return assign;
  };
  // Words weigh by log frequency, so frequent words do not dominate their class.
  std::vector<double> w1(V);
  for (size_t r = 0; r < V; ++r) w1[r] = std::log(1.0 + wfreq[r]);
  std::vector<float> c1, c2, c3;
  std::vector<uint32_t> a1 = kmeans(x, w1, V, k1, iters, 11, &c1);
  std::vector<double> wc1(static_cast<size_t>(k1), 0.0);
  for (size_t r = 0; r < V; ++r) wc1[a1[r]] += w1[r];
  for (double& v : wc1) v = std::max(v, 1e-9);
  std::vector<uint32_t> a2 = kmeans(c1, wc1, static_cast<size_t>(k1), k2, 20, 22, &c2);
  std::vector<double> wc2(static_cast<size_t>(k2), 0.0);
  for (size_t c = 0; c < static_cast<size_t>(k1); ++c) wc2[a2[c]] += wc1[c];
  for (double& v : wc2) v = std::max(v, 1e-9);
  std::vector<uint32_t> a3 = kmeans(c2, wc2, static_cast<size_t>(k2), k3, 20, 33, &c3);
  // ---- write --------------------------------------------------------------------------------
  std::string out =
      "# rasd NER word classes: word<TAB>fine<TAB>mid<TAB>coarse (tools/ner_clusters.cc: spherical k-means of\n"
      "# PPMI neighbour vectors over the news corpus; regenerate with the command in docs/ner.md)\n";
  for (size_t r = 0; r < V; ++r) {
    const uint32_t f = a1[r], mid = a2[f], coarse = a3[mid];
    out.append(forms[order[r]]);
    for (uint32_t v : {f, mid, coarse}) {
      out.push_back('\t');
      out.append(std::to_string(v));
    }
    out.push_back('\n');
  }
  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
    std::perror(out_path.c_str());
    return 1;
  }
  std::cerr << "rasd_ner_clusters: wrote " << V << " words to " << out_path << "\n";
  return 0;
}
