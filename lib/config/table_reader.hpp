#pragma once
// TableReader: typed, position-aware access to one TOML table, without exposing toml++ to the
// rest of the code base. Every getter records the key as known, and records the value's origin
// ("file:line") under its dotted name; finish() reports every key nobody asked for as an
// "unknown key" error with a did-you-mean suggestion. Wrong types and bad values are reported
// at the value's own line and column.
#include "config/diagnostics.hpp"
#include "util/glob.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace custody::config {

// Where a key's effective value came from, for `custody config show`.
struct Setting {
  std::string value;  // the value as TOML text
  std::string origin; // "/etc/custody/custody.toml:12" or "<embedded default>:7"
};
// Dotted key → its effective setting.
using Origins = std::map<std::string, Setting>;

class TableReader {
public:
  // `table` is a `const toml::table*` (opaque here); `dotted` is its path, e.g. "refs". Each
  // value read is recorded in `origins` when it is not null (for `custody config show`; the
  // hooks skip it: rendering every value as text was a quarter of loading the configuration).
  TableReader(const void* table, std::string dotted, std::string file, Diagnostics& diags,
              Origins* origins);

  bool has(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max);
  // A number: an integer or a float, within [min, max].
  std::optional<double> number(std::string_view key, double min, double max);
  std::optional<std::string> string(std::string_view key);
  // A string that must be one of `allowed`.
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& allowed);
  std::optional<std::vector<std::string>> strings(std::string_view key);
  std::optional<std::vector<util::Glob>> globs(std::string_view key, util::GlobSyntax syntax);
  std::optional<TableReader> table(std::string_view key);
  // An array of tables ([[section.key]]).
  std::optional<std::vector<TableReader>> tables(std::string_view key);
  // All keys of this table in file order, for map-like tables whose keys are data.
  std::vector<std::string> keys() const;
  // A map-like table whose values are all strings.
  std::optional<std::map<std::string, std::string>> string_map(std::string_view key);

  // Reports `message` at the position of `key` (or of the table when the key is absent).
  void error(std::string_view key, const std::string& message);
  // Unknown-key errors for keys that no getter asked for. Call once, after all getters.
  void finish(const std::vector<std::string>& also_known = {});

  // 1-based line where this table starts (its header), for messages about the table as a whole.
  int line() const;
  const std::string& dotted() const { return m_dotted; }
  const std::string& file() const { return m_file; }

private:
  const void* node(std::string_view key);
  std::string qualified(std::string_view key) const;
  void record_origin(std::string_view key, const void* node);

  const void* m_table;
  std::string m_dotted;
  std::string m_file;
  Diagnostics* m_diags;
  Origins* m_origins;
  std::set<std::string, std::less<>> m_known;
};

} // namespace custody::config
