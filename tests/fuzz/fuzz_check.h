// Shared by the whole-pipeline fuzz targets: a property check that reports
// the input and traps (libFuzzer, or replay_main.cc under any compiler),
// and the one engine each process creates.
#ifndef RASD_TESTS_FUZZ_FUZZ_CHECK_H_
#define RASD_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "rasd/engine.h"

#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
      __builtin_trap();                                                                 \
    }                                                                                   \
  } while (0)

inline const rasd::Engine& FuzzEngine() {
  static const rasd::Engine* engine = [] {
    auto created = rasd::Engine::Create();
    if (!created.ok()) {
      std::fprintf(stderr, "Engine::Create failed: %s\n", created.status().ToString().c_str());
      std::abort();
    }
    return std::move(created).value().release();  // lives for the whole process
  }();
  return *engine;
}

#endif  // RASD_TESTS_FUZZ_FUZZ_CHECK_H_
