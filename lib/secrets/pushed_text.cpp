// scan_pushed_text(): see pushed_text.hpp.
#include "secrets/pushed_text.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace custody::secrets {

namespace {

using Redactions = std::vector<std::pair<std::string, std::string>>; // secret → redacted form

std::string redact_all(std::string s, const Redactions& secrets) {
  for (const auto& [secret, redacted] : secrets)
    for (size_t at = s.find(secret); !secret.empty() && at != std::string::npos;
         at = s.find(secret, at + redacted.size()))
      s.replace(at, secret.size(), redacted);
  return s;
}

void redact_json(util::Json& j, const Redactions& secrets) {
  if (j.is_string())
    j = redact_all(j.get<std::string>(), secrets);
  else if (j.is_structured())
    for (auto& child : j)
      redact_json(child, secrets);
}

void remember(const Finding& f, std::string_view text, Redactions& secrets) {
  if (f.offset + f.length <= text.size())
    secrets.emplace_back(std::string(text.substr(f.offset, f.length)), f.redacted);
}

// One entry for `text` if it is too large, has findings, or a rule hit the regex limits on it.
void scan_one(const Engine& engine, std::string_view text, Location kind, uint64_t max_bytes,
              NewBlob where, Redactions& secrets, std::vector<NewBlob>& blobs,
              BlobScanReport& report) {
  ScannedBlob sb;
  sb.size = text.size();
  if (text.size() > max_bytes) {
    sb.status = BlobStatus::oversize;
  } else {
    ScanResult r = engine.scan_text(text, kind, where.commit);
    if (r.findings.empty() && r.limited_rules.empty())
      return;
    for (const Finding& f : r.findings)
      remember(f, text, secrets);
    sb.status = r.limited_rules.empty() ? BlobStatus::scanned : BlobStatus::regex_limit;
    sb.findings = std::move(r.findings);
    sb.limited_rules = std::move(r.limited_rules);
  }
  blobs.push_back(std::move(where));
  report.blobs.push_back(std::move(sb));
}

// Every new path once, attributed to the first commit that adds or changes it, scanned as one
// text (a path a line): one keyword pass for the whole push.
void scan_paths(const Engine& engine, const std::vector<NewCommit>& commits, Redactions& secrets,
                std::vector<NewBlob>& blobs, BlobScanReport& report) {
  std::string text;
  std::vector<size_t> starts;
  std::vector<const NewCommit*> from;
  std::unordered_set<std::string_view> seen;
  for (const auto& c : commits)
    for (const auto& p : c.paths)
      if (seen.insert(p).second) {
        starts.push_back(text.size());
        from.push_back(&c);
        text += p;
        text += '\n';
      }
  if (text.empty())
    return;
  ScanResult r = engine.scan_text(text, Location::path);
  std::vector<std::pair<size_t, Finding>> hits; // (path index, finding)
  for (Finding& f : r.findings) {
    remember(f, text, secrets);
    size_t i = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), f.offset) -
                                   starts.begin()) -
               1;
    f.line = 0; // a path has no lines
    hits.emplace_back(i, std::move(f));
  }
  for (size_t k = 0; k < hits.size();) {
    const size_t i = hits[k].first;
    const size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size() - 1;
    ScannedBlob sb;
    sb.status = BlobStatus::scanned;
    sb.size = end - starts[i];
    for (; k < hits.size() && hits[k].first == i; ++k)
      sb.findings.push_back(std::move(hits[k].second));
    blobs.push_back({"", from[i]->id, text.substr(starts[i], end - starts[i]), from[i]->ref_index});
    report.blobs.push_back(std::move(sb));
  }
  if (!r.limited_rules.empty() && !commits.empty()) {
    ScannedBlob sb;
    sb.status = BlobStatus::regex_limit;
    sb.size = text.size();
    sb.limited_rules = std::move(r.limited_rules);
    blobs.push_back({"", commits.front().id, "(paths)", commits.front().ref_index});
    report.blobs.push_back(std::move(sb));
  }
}

} // namespace

size_t scan_pushed_text(const Engine& engine, const std::vector<NewCommit>& commits,
                        const std::vector<NewTag>& tags, uint64_t max_bytes,
                        std::vector<policy::RefDecision>& decisions, std::vector<NewBlob>& blobs,
                        BlobScanReport& report) {
  const size_t first = blobs.size();
  Redactions secrets;
  for (const auto& c : commits)
    scan_one(engine, c.message, Location::commit_message, max_bytes,
             {c.id, c.id, std::string(k_commit_message_location), c.ref_index}, secrets, blobs,
             report);
  for (const auto& t : tags)
    scan_one(engine, t.message, Location::tag_message, max_bytes,
             {t.id, t.id, std::string(k_tag_message_location), t.ref_index}, secrets, blobs,
             report);
  scan_paths(engine, commits, secrets, blobs, report);
  if (!secrets.empty()) {
    // Longest first, so a secret that contains another is replaced whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (auto& b : blobs)
      b.path = redact_all(std::move(b.path), secrets);
    for (auto& d : decisions) {
      redact_json(d.evidence, secrets);
      for (auto& v : d.violations) {
        v.message = redact_all(std::move(v.message), secrets);
        v.path = redact_all(std::move(v.path), secrets);
        for (auto& h : v.hints)
          h = redact_all(std::move(h), secrets);
      }
    }
  }
  return blobs.size() - first;
}

} // namespace custody::secrets
