// File: storage/statement.h
//
// RAII wrappers for sqlite3 handles with Status returns. Internal to
// rasd_storage.
//
//   Statement st;
//   RETURN_IF_ERROR(st.Prepare(db, "SELECT id FROM documents WHERE date >= ?"));
//   st.Bind(1, "2024-11-01");
//   while (true) {
//     auto row = st.Step();
//     if (!row.ok()) return row.status();
//     if (!*row) break;
//     Use(st.Text(0));
//   }
#ifndef RASD_STORAGE_STATEMENT_H_
#define RASD_STORAGE_STATEMENT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "rasd/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rasd::storage {

// An error Status for the connection's last error: "what: message (code)".
// SQLITE_FULL maps to kResourceExhausted, SQLITE_READONLY/SQLITE_PERM/
// SQLITE_CANTOPEN to kFailedPrecondition, SQLITE_BUSY/LOCKED to kUnavailable,
// SQLITE_CORRUPT/NOTADB to kDataLoss, the rest to kInternal.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Runs one or more statements without results.
Status Exec(sqlite3* db, const char* sql, std::string_view what);

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  // Parameters are 1-based; text is copied (SQLITE_TRANSIENT).
  void Bind(int i, std::string_view text);
  void Bind(int i, int64_t value);
  void Bind(int i, double value);

  // true: a row is ready; false: done. Errors carry the SQL's first words.
  StatusOr<bool> Step();
  // Runs to completion (for INSERT/UPDATE/DELETE), then resets.
  Status Run();
  // Resets and clears the bindings for the next use.
  void Reset();

  std::string Text(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace rasd::storage

#endif  // RASD_STORAGE_STATEMENT_H_
