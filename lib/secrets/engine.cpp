// Engine: see engine.hpp for the pipeline. Windows are line-based: a keyword hit expands to the
// whole line (plus Rule::window_lines lines each side), capped at 4 KiB each side of the hit so
// a minified one-line file is not rescanned per hit. Windows of one rule are merged before its
// regex runs, so every byte is matched at most once per rule.
#include "secrets/engine.hpp"

#include "secrets/checksum.hpp"
#include "secrets/derived_text.hpp"
#include "secrets/entropy.hpp"
#include "secrets/not_secret.hpp"
#include "secrets/redaction.hpp"
#include "secrets/secret_files.hpp"
#include "util/line_counter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace custody::secrets {

namespace {

// A context rule (`API_KEY=...` in an env file) and a format rule (a Stripe key) often match the
// same secret: report it once, under the rule that knows what it is.
void drop_generic_duplicates(std::vector<Finding>& findings) {
  auto covered = [&](const Finding& f) {
    return f.generic && std::any_of(findings.begin(), findings.end(), [&](const Finding& other) {
             return !other.generic && f.offset < other.offset + other.length &&
                    other.offset < f.offset + f.length;
           });
  };
  std::vector<char> drop(findings.size());
  for (size_t i = 0; i < findings.size(); ++i)
    drop[i] = covered(findings[i]);
  size_t out = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (drop[i])
      continue;
    if (out != i) // never self-move: a moved-onto-itself string may come out empty
      findings[out] = std::move(findings[i]);
    ++out;
  }
  findings.resize(out);
}

} // namespace

namespace {

constexpr size_t k_line_cap = 4096;

std::string_view line_at(std::string_view content, size_t start, size_t end) {
  size_t ls = util::line_start(content, start, start > k_line_cap ? start - k_line_cap : 0);
  size_t le = std::max(start, end);
  while (le < content.size() && content[le] != '\n' && le - end < k_line_cap)
    ++le;
  return content.substr(ls, le - ls);
}

bool has_inline_allow(std::string_view line) {
  return line.find("custody:allow") != std::string_view::npos ||
         line.find("gitleaks:allow") != std::string_view::npos;
}

// Line numbers last, for reported findings only, in offset order: one forward pass over the blob
// instead of a count from its start per finding. The findings' own order is kept.
void number_lines(std::string_view content, std::vector<Finding>& findings) {
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return findings[a].offset < findings[b].offset; });
  util::LineCounter lines(content);
  for (size_t i : order) {
    util::TextPosition at = lines.at(findings[i].offset);
    findings[i].line = at.line;
    findings[i].column = at.column;
  }
}

} // namespace

bool is_binary(std::string_view content) {
  return std::memchr(content.data(), 0, std::min<size_t>(content.size(), 8000)) != nullptr;
}

Result<Engine> Engine::build(std::vector<Rule> rules, EngineOptions options) {
  Engine engine;
  std::set<std::string> ids;
  std::map<std::string, uint32_t> keyword_ids;
  std::vector<std::string> keywords;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    if (!ids.insert(rules[r].id).second)
      return make_error(
          ErrorCode::invalid_config,
          fmt::format("{}: duplicate secret rule id \"{}\"", rules[r].origin, rules[r].id));
    if (rules[r].keywords.empty()) {
      engine.m_unkeyed_rules.push_back(r);
      continue;
    }
    for (const auto& k : rules[r].keywords) {
      auto [it, inserted] = keyword_ids.emplace(k, static_cast<uint32_t>(keywords.size()));
      if (inserted) {
        keywords.push_back(k);
        engine.m_keyword_rules.emplace_back();
      }
      auto& list = engine.m_keyword_rules[it->second];
      if (list.empty() || list.back() != r)
        list.push_back(r);
    }
  }
  engine.m_keywords = KeywordIndex::build(keywords);
  engine.m_rules = std::move(rules);
  engine.m_options = std::move(options);
  return engine;
}

Engine::Window Engine::window_around(std::string_view content, size_t start, size_t end,
                                     int lines) const {
  size_t ws = start;
  for (int l = 0; l <= lines; ++l) {
    if (l > 0 && ws > 0)
      --ws; // step over the newline ending the previous line
    ws = util::line_start(content, ws, ws > k_line_cap ? ws - k_line_cap : 0);
  }
  size_t we = end;
  for (int l = 0; l <= lines; ++l) {
    if (l > 0 && we < content.size())
      ++we;
    size_t ceil = std::min(content.size(), we + k_line_cap);
    const void* nl = std::memchr(content.data() + we, '\n', ceil - we);
    we = nl ? static_cast<size_t>(static_cast<const char*>(nl) - content.data()) : ceil;
  }
  return {ws, we};
}

ScanResult Engine::scan(std::string_view content, std::string_view path, std::string_view commit,
                        Deadline deadline) const {
  ScanResult result;
  for (const auto& a : m_options.allowlists)
    if (a.allows_whole_path(path))
      return result;
  collect(content, path, commit, deadline, result);
  if (!result.timed_out)
    scan_derived(content, path, commit, deadline, m_options.max_decode_depth, result);
  if (!result.timed_out) {
    drop_generic_duplicates(result.findings);
    std::sort(result.findings.begin(), result.findings.end(),
              [](const Finding& a, const Finding& b) {
                return a.offset != b.offset ? a.offset < b.offset : a.rule < b.rule;
              });
  }
  number_lines(content, result.findings);
  return result;
}

namespace {

bool overlaps_same_rule(const std::vector<Finding>& findings, const Finding& f, size_t start,
                        size_t end) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& other) {
    return other.rule == f.rule && other.offset < end && start < other.offset + other.length;
  });
}

} // namespace

void Engine::scan_derived(std::string_view content, std::string_view path, std::string_view commit,
                          Deadline deadline, int depth, ScanResult& result) const {
  std::vector<DerivedText> derived = indented_pem_blocks(content);
  if (depth > 0) {
    auto decoded = decoded_segments(content, content.size() + 4096);
    std::move(decoded.begin(), decoded.end(), std::back_inserter(derived));
  }
  for (const DerivedText& d : derived) {
    ScanResult sub;
    collect(d.text, path, commit, deadline, sub);
    if (!sub.timed_out && d.how != "indented")
      scan_derived(d.text, path, commit, deadline, depth - 1, sub);
    result.timed_out = result.timed_out || sub.timed_out;
    for (auto& rule : sub.limited_rules)
      if (std::find(result.limited_rules.begin(), result.limited_rules.end(), rule) ==
          result.limited_rules.end())
        result.limited_rules.push_back(std::move(rule));
    for (Finding& f : sub.findings) {
      const bool indented = d.how == "indented";
      size_t start = indented ? d.to_parent(f.offset) : d.origin_start;
      size_t end = indented ? start + f.length : d.origin_end;
      if (overlaps_same_rule(result.findings, f, start, end))
        continue;
      f.offset = start;
      f.length = end - start;
      f.decoded = f.decoded.empty() ? d.how : d.how + "+" + f.decoded;
      f.silenced_by_marker =
          f.silenced_by_marker || (m_options.inline_allow == InlineAllow::honoured &&
                                   has_inline_allow(line_at(content, start, end)));
      result.findings.push_back(std::move(f));
    }
    if (result.timed_out)
      return;
  }
}

std::optional<Finding> Engine::secret_file_finding(std::string_view path, std::string_view content,
                                                   std::string_view blob_id,
                                                   std::string_view commit) const {
  if (!is_secret_file(path, content, m_options.secret_files))
    return std::nullopt;
  std::string_view covered = content.empty() ? blob_id : content;
  Finding f;
  f.rule = "secret-file";
  f.description = "File whose name marks a credential (private key, keystore, credentials file)";
  f.control = "CC6.1";
  f.line = 1;
  f.column = 1;
  f.length = content.size();
  f.fingerprint = fingerprint(f.rule, covered, m_options.fingerprint_key);
  f.redacted = "(whole file)";
  FindingContext ctx{f.rule, {}, {}, {}, path, commit, f.fingerprint};
  for (const auto& a : m_options.allowlists)
    if (a.allows(ctx) || a.allows_whole_path(path))
      return std::nullopt;
  return f;
}

ScanResult Engine::scan_text(std::string_view text, Location kind, std::string_view commit) const {
  ScanResult result;
  collect(text, {}, commit, Deadline::max(), result);
  drop_generic_duplicates(result.findings);
  number_lines(text, result.findings);
  for (Finding& f : result.findings)
    f.location = kind;
  return result;
}

void Engine::collect(std::string_view content, std::string_view path, std::string_view commit,
                     Deadline deadline, ScanResult& result) const {
  std::vector<char> active(m_rules.size(), 0);
  for (size_t r = 0; r < m_rules.size(); ++r) {
    const Rule& rule = m_rules[r];
    bool on = true;
    if (!rule.paths.empty() && !util::matches_any(rule.paths, path))
      on = false;
    if (on && rule.path_regex && !rule.path_regex->matches(path))
      on = false;
    for (const auto& a : rule.allowlists)
      if (on && a.allows_whole_path(path))
        on = false;
    active[r] = on;
  }

  std::vector<std::pair<size_t, size_t>> seen; // (rule, secret offset) already reported
  auto out_of_time = [&] {
    if (deadline != Deadline::max() && std::chrono::steady_clock::now() > deadline) {
      result.timed_out = true;
      return true;
    }
    return false;
  };

  std::vector<KeywordHit> hits;
  m_keywords.find_all(content, hits);
  std::vector<Window> current(m_rules.size());
  std::vector<char> open(m_rules.size(), 0);
  std::vector<uint32_t> opened;
  for (const auto& hit : hits) {
    size_t hs = hit.end - m_keywords.keyword_length(hit.keyword);
    for (uint32_t r : m_keyword_rules[hit.keyword]) {
      if (!active[r])
        continue;
      Window& cur = current[r];
      if (open[r] && hs >= cur.start && hit.end <= cur.end)
        continue;
      Window w = window_around(content, hs, hit.end, m_rules[r].window_lines);
      if (open[r] && w.start <= cur.end) {
        cur.end = std::max(cur.end, w.end);
        continue;
      }
      if (open[r]) {
        if (out_of_time())
          return;
        scan_window(r, content, cur, path, commit, result, seen);
      } else {
        open[r] = 1;
        opened.push_back(r);
      }
      cur = w;
    }
  }
  for (uint32_t r : opened) {
    if (out_of_time())
      return;
    scan_window(r, content, current[r], path, commit, result, seen);
  }
  for (uint32_t r : m_unkeyed_rules) {
    if (!active[r])
      continue;
    if (out_of_time())
      return;
    scan_window(r, content, {0, content.size()}, path, commit, result, seen);
  }
}

void Engine::scan_window(size_t rule_index, std::string_view content, Window w,
                         std::string_view path, std::string_view commit, ScanResult& result,
                         std::vector<std::pair<size_t, size_t>>& seen) const {
  const Rule& rule = m_rules[rule_index];
  std::string_view text = content.substr(w.start, w.end - w.start);
  util::RegexMatch m;
  size_t pos = 0;
  while (pos <= text.size()) {
    auto status = rule.regex.search(text, pos, m);
    if (status == util::MatchStatus::limit_exceeded || status == util::MatchStatus::error) {
      if (std::find(result.limited_rules.begin(), result.limited_rules.end(), rule.id) ==
          result.limited_rules.end())
        result.limited_rules.push_back(rule.id);
      return;
    }
    if (status != util::MatchStatus::match)
      return;
    size_t match_start = m.groups[0].start, match_end = m.groups[0].end;
    pos = match_end > match_start ? match_end : match_start + 1;

    size_t group = 0;
    if (rule.secret_group > 0) {
      group = static_cast<size_t>(rule.secret_group);
    } else {
      for (size_t g = 1; g < m.groups.size(); ++g)
        if (m.groups[g].matched() && m.groups[g].end > m.groups[g].start) {
          group = g;
          break;
        }
    }
    if (group >= m.groups.size() || !m.groups[group].matched())
      continue;
    std::string_view secret = m.group(text, group);
    if (secret.empty() || secret.size() < rule.min_length)
      continue;
    size_t offset = w.start + m.groups[group].start;
    std::pair<size_t, size_t> key{rule_index, offset};
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      continue;
    if (rule.entropy > 0 && shannon_entropy(secret) < rule.entropy)
      continue;
    if (rule.validator != Validator::none &&
        valid_crc32_base62_token(secret) != (rule.validator == Validator::crc32_base62))
      continue;
    std::string_view line = line_at(content, offset, offset + secret.size());
    std::string_view match_lines = line_at(content, w.start + match_start, w.start + match_end);
    std::string_view before = text.substr(match_start, m.groups[group].start - match_start);
    if (!not_secret_reason(rule, {secret, line, before, path}).empty())
      continue;
    std::string fp = fingerprint(rule.id, secret, m_options.fingerprint_key);
    FindingContext ctx{
        rule.id, secret, text.substr(match_start, match_end - match_start), line, path, commit, fp};
    bool allowed = std::any_of(rule.allowlists.begin(), rule.allowlists.end(),
                               [&](const Allowlist& a) { return a.allows(ctx); }) ||
                   std::any_of(m_options.allowlists.begin(), m_options.allowlists.end(),
                               [&](const Allowlist& a) { return a.allows(ctx); });
    if (allowed)
      continue;
    seen.push_back(key);
    Finding f;
    f.rule = rule.id;
    f.description = rule.description;
    f.control = rule.control;
    f.offset = offset;
    f.length = secret.size();
    f.generic = rule.generic; // line and column: number_lines(), once the findings are final
    f.tier = rule.tier;
    f.silenced_by_marker =
        m_options.inline_allow == InlineAllow::honoured && has_inline_allow(match_lines);
    f.fingerprint = std::move(fp);
    f.redacted = redact(secret);
    result.findings.push_back(std::move(f));
  }
}

} // namespace custody::secrets
