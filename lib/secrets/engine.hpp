#pragma once
// The scanning engine: given rules and allowlists, finds secrets in one blob's content.
//
// Pipeline per blob: path filters → keyword prefilter (one Aho-Corasick pass) → for each rule
// with hits, merged line windows around them → PCRE2 JIT on the windows only → secret group →
// length, entropy, checksum → decoy heuristics → inline allow → allowlists → Finding (redacted,
// fingerprinted, tiered; inline allow markers flag, never drop). An Engine is immutable after
// build(); scan() may run on several threads.
#include "secrets/finding.hpp"
#include "secrets/keyword_index.hpp"
#include "secrets/rule.hpp"
#include "util/result.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

enum class InlineAllow { honoured, ignored };

struct EngineOptions {
  // honoured: a finding on a "custody:allow" / "gitleaks:allow" line is returned with
  // silenced_by_marker set (never dropped: the push check records it); ignored: never set.
  InlineAllow inline_allow = InlineAllow::honoured;
  std::vector<Allowlist> allowlists;    // server-side, applied to every rule
  std::string fingerprint_key;          // HMAC key (fingerprint_key.hpp); empty only in tests
  std::vector<util::Glob> secret_files; // secret_files.hpp; empty: none
  int max_decode_depth = 2;             // layers of base64/hex/percent decoded (derived_text.hpp)
  int archive_max_depth = 2; // archive levels opened (archive_scan.hpp); 0: archives are binary
  uint64_t archive_max_bytes = uint64_t{50} << 20; // bytes expanded per blob, all levels together
  bool archive_list_binary =
      false; // list binary members as not scanned ([secrets].binary = reject)
};

struct ScanResult {
  std::vector<Finding> findings;          // sorted by offset
  std::vector<std::string> limited_rules; // rules whose regex hit the PCRE2 limits here: the
                                          // content is not fully scanned (BlobStatus::regex_limit)
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

  // A finding of rule "secret-file" if `path` names a credential by nature (secret_files.hpp).
  // `content` may be binary; empty when the blob was too large to read (then `blob_id` is what
  // the fingerprint covers). Allowlists apply.
  std::optional<Finding> secret_file_finding(std::string_view path, std::string_view content,
                                             std::string_view blob_id,
                                             std::string_view commit = {}) const;

  // Pushed text that is not a blob (a commit or tag message, a path): the same rules, findings
  // tagged with `kind`. Rules limited to some paths do not run; `commit` feeds commit allowlists.
  ScanResult scan_text(std::string_view text, Location kind, std::string_view commit = {}) const;

  const std::vector<Rule>& rules() const { return m_rules; }
  const EngineOptions& options() const { return m_options; }
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
  // Scans what `content` derives (indented PEM blocks, decoded segments: derived_text.hpp) and
  // adds the findings at their encoded location.
  void scan_derived(std::string_view content, std::string_view path, std::string_view commit,
                    Deadline deadline, int depth, ScanResult& result) const;
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
