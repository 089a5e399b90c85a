#pragma once
// Shared by the ledger and report tests: a temporary directory holding a ledger, realistic
// decision bodies, and whole-file helpers for tampering with segments.
#include "ledger/ledger.hpp"
#include "ledger/record_line.hpp"
#include "ledger/verify.hpp"
#include "support/temp_dir.hpp"
#include "util/json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace custody::test {

inline void spit(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

inline std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(slurp(path));
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

inline void write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::string content;
  for (const auto& line : lines)
    content += line + "\n";
  spit(path, content);
}

// A decision record as the pre-receive hook writes it.
inline util::Json decision_body(int i, const std::string& decision = "accepted") {
  util::Json body = {
      {"type", "decision"},
      {"time", "2026-03-0" + std::to_string(1 + i % 9) + "T10:00:00.000000Z"},
      {"repo", "/srv/git/app.git"},
      {"hook", "pre-receive"},
      {"push_id", "push-" + std::to_string(i)},
      {"pusher", {{"name", "alice"}, {"source", "GL_USERNAME"}, {"is_agent", false}}},
      {"ref", "refs/heads/feature-" + std::to_string(i)},
      {"old", std::string(40, '0')},
      {"new", std::string(40, 'a')},
      {"kind", "create"},
      {"protected", false},
      {"decision", decision},
      {"violations", util::Json::array()}};
  return body;
}

inline ledger::LedgerOptions options_for(const std::filesystem::path& path, uint64_t rotate = 0) {
  ledger::LedgerOptions options;
  options.path = path;
  options.rotate_bytes = rotate;
  return options;
}

// Appends `count` single-record calls.
inline void append_records(const ledger::LedgerOptions& options, int count, int first = 1) {
  for (int i = first; i < first + count; ++i) {
    auto result = ledger::append(options, {decision_body(i)});
    ASSERT_TRUE(result.ok()) << result.error().message;
  }
}

inline ledger::VerifyReport verify_path(const std::filesystem::path& path) {
  ledger::VerifyOptions options;
  options.path = path;
  auto report = ledger::verify(options);
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
  return report.ok() ? *report : ledger::VerifyReport{};
}

inline std::string error_text(const ledger::VerifyReport& report) {
  return report.error ? ledger::format_finding(*report.error) : "";
}

} // namespace custody::test

namespace custody::test {

// Rebuilds every line's prev and hash in order, keeping the bodies: what someone with write
// access but without the signing key could do after editing a record.
inline void rechain(const std::filesystem::path& path) {
  auto lines = read_lines(path);
  std::string prev(64, '0');
  for (auto& line : lines) {
    auto json = util::Json::parse(line);
    uint64_t seq = json["seq"];
    std::optional<uint64_t> segment;
    if (json.contains("segment"))
      segment = json["segment"].get<uint64_t>();
    for (const char* key : {"seq", "prev", "segment", "hash"})
      json.erase(key);
    line = ledger::make_line(seq, prev, segment, json);
    prev = util::Json::parse(line)["hash"];
  }
  write_lines(path, lines);
}

} // namespace custody::test
