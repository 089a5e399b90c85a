// write_sample: bottom-N by SplitMix64 key in one pass. Unlike "draw N random indexes", the
// choice of a record depends only on the seed and its own seq, so an auditor can check that a
// record left out really had a larger key, and the sample for a closed period never changes as
// the ledger grows.
#include "report/fields.hpp"
#include "report/prng.hpp"
#include "report/readable.hpp"
#include "report/report.hpp"
#include "report/scan_decisions.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <queue>

namespace custody::report {

namespace {

struct Picked {
  uint64_t key = 0;
  uint64_t seq = 0;
  std::string file;
  uint64_t line = 0;
  std::string hash;
  std::string prev;
  std::string text;
  bool operator<(const Picked& other) const { return key < other.key; } // max-heap on key
};

std::string evidence_lines(const util::Json& r) {
  std::string out;
  for (const auto& c : list(r, "commits")) {
    if (!c.is_object())
      continue;
    out += fmt::format("    commit {} by {}", text(c, "id").substr(0, 12), text(c, "author"));
    if (c.contains("ai_tool") && !tool_text(c["ai_tool"]).empty())
      out += fmt::format("; AI: {}", tool_text(c["ai_tool"]));
    if (c.contains("reviewers") && !people_text(c["reviewers"]).empty())
      out += fmt::format("; reviewed by {} on {}", people_text(c["reviewers"]),
                         text(c, "review_date"));
    out += "\n";
  }
  for (const auto& v : list(r, "violations"))
    if (v.is_object())
      out += fmt::format("    violated {} ({}): {}\n", text(v, "rule"), text(v, "control"),
                         text(v, "message"));
  for (const auto& b : list(r, "bypasses"))
    if (b.is_object())
      out += fmt::format("    bypass {}: {} (by {})\n", text(b, "fingerprint"), text(b, "reason"),
                         text(b, "by"));
  return out;
}

} // namespace

uint64_t parse_seed(const std::string& text) {
  if (!text.empty() && text.size() <= 19 &&
      text.find_first_not_of("0123456789") == std::string::npos)
    return std::stoull(text);
  auto digest = util::sha256(text);
  uint64_t seed = 0;
  for (int i = 0; i < 8; ++i)
    seed = (seed << 8) | digest[static_cast<size_t>(i)];
  return seed;
}

Status write_sample(const SampleOptions& options, std::ostream& out) {
  std::priority_queue<Picked> heap;
  uint64_t population = 0;
  Status scanned = scan_decisions(
      options.ledger, options.filter, [&](const DecisionView&, const ledger::RecordRef& ref) {
        ++population;
        uint64_t key = splitmix64_nth(options.seed, ref.seq);
        if (heap.size() < options.n || key < heap.top().key) {
          heap.push(Picked{key, ref.seq, std::string(ref.file), ref.line, std::string(ref.hash),
                           std::string(ref.prev), std::string(ref.text)});
          if (heap.size() > options.n)
            heap.pop();
        }
      });
  if (!scanned)
    return scanned;
  std::vector<Picked> picked;
  while (!heap.empty()) {
    picked.push_back(heap.top());
    heap.pop();
  }
  std::sort(picked.begin(), picked.end(),
            [](const Picked& a, const Picked& b) { return a.seq < b.seq; });

  std::string method =
      fmt::format("the {} decisions with the smallest key, key(seq) = SplitMix64 output number seq "
                  "for seed {} (docs/ledger.md, \"Sampling\")",
                  options.n, options.seed);
  if (options.json) {
    util::Json items = util::Json::array();
    for (const auto& p : picked)
      items.push_back({{"seq", p.seq},
                       {"file", p.file},
                       {"line", p.line},
                       {"hash", p.hash},
                       {"prev", p.prev},
                       {"key", fmt::format("{:016x}", p.key)},
                       {"record", util::Json::parse(p.text)}});
    util::Json doc = {{"sample",
                       {{"ledger", options.ledger.string()},
                        {"seed", options.seed_text},
                        {"seed_value", options.seed},
                        {"n", options.n},
                        {"population", population},
                        {"filters", options.filter.to_json()},
                        {"method", method}}},
                      {"items", items}};
    out << doc.dump(2) << "\n";
    return ok_status();
  }
  out << fmt::format("custody sample: {} of {} decisions in {} (seed {} = {}, filters {})\n",
                     picked.size(), population, options.ledger.string(), options.seed_text,
                     options.seed, util::dump_compact(options.filter.to_json()));
  out << "method: " << method << "\n";
  out << "each entry's chain position (file:line, seq, hash, prev) is checked by `custody log "
         "verify`\n";
  size_t i = 0;
  for (const auto& p : picked) {
    out << fmt::format("\n[{}] {}:{}  seq {}  key {:016x}\n    hash {}\n    prev {}\n", ++i, p.file,
                       p.line, p.seq, p.key, p.hash, p.prev);
    out << "    " << readable_line(p.text) << "\n";
    out << evidence_lines(util::Json::parse(p.text));
    out << "    record " << p.text << "\n";
  }
  return ok_status();
}

} // namespace custody::report
