#pragma once
// The scanning engine: given rules and allowlists, finds secrets in one blob's content.
//
// Pipeline per blob: path filters → keyword prefilter (one Aho-Corasick pass) → for each rule
// with hits, merged line windows around them → PCRE2 JIT on the windows only → secret group →
// length, entropy, checksum → decoy heuristics → inline allow → allowlists → Finding (redacted,
// fingerprinted). An Engine is immutable after build(); scan() may run on several threads.
#include "secrets/finding.hpp"
#include "secrets/keyword_index.hpp"
#include "secrets/rule.hpp"
#include "util/result.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

enum class InlineAllow { honoured, ignored };

struct EngineOptions {
  InlineAllow inline_allow =
      InlineAllow::honoured;         // "custody:allow" / "gitleaks:allow" on the line
  std::vector<Allowlist> allowlists; // server-side, applied to every rule
};

struct ScanResult {
  std::vector<Finding> findings;          // sorted by offset
  std::vector<std::string> limited_rules; // rules whose regex hit the PCRE2 limits here
  bool timed_out = false;                 // stopped at the deadline: not fully scanned
};

using Deadline = std::chrono::steady_clock::time_point;

class Engine {
public:
  // Rules with duplicate ids are an error. Rules are kept in the given order.
  static Result<Engine> build(std::vector<Rule> rules, EngineOptions options = {});

  // Scans `content` of the blob at `path` (for path filters and allowlists; may be empty);
  // `commit` feeds commit allowlists (may be empty).
  ScanResult scan(std::string_view content, std::string_view path = {},
                  std::string_view commit = {}, Deadline deadline = Deadline::max()) const;

  const std::vector<Rule>& rules() const { return m_rules; }
  const KeywordIndex& keyword_index() const { return m_keywords; }

private:
  struct Window {
    size_t start = 0, end = 0;
  };
  // Runs every active rule over `content`; stops early (timed_out) at the deadline.
  void collect(std::string_view content, std::string_view path, std::string_view commit,
               Deadline deadline, ScanResult& result) const;
  void scan_window(size_t rule_index, std::string_view content, Window w, std::string_view path,
                   std::string_view commit, ScanResult& result,
                   std::vector<std::pair<size_t, size_t>>& seen) const;
  Window window_around(std::string_view content, size_t start, size_t end, int lines) const;

  std::vector<Rule> m_rules;
  EngineOptions m_options;
  KeywordIndex m_keywords;
  std::vector<std::vector<uint32_t>> m_keyword_rules; // keyword index → rule indices
  std::vector<uint32_t> m_unkeyed_rules;              // rules without keywords: whole blob
};

// Git's rule: a blob is binary if its first 8000 bytes contain a NUL.
bool is_binary(std::string_view content);

} // namespace custody::secrets
