// The dry run's report, as text and as JSON: see check_dry_run.hpp.
#include "cli/check_dry_run.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

std::string where(const policy::Violation& v) {
  std::string at = v.commit.empty() ? "" : "commit " + v.commit.substr(0, 12);
  if (!v.path.empty())
    at += (at.empty() ? "" : ", ") + v.path + (v.line > 0 ? fmt::format(":{}", v.line) : "");
  return at;
}

void print_violation(std::ostream& out, const policy::Violation& v) {
  const bool refuses = policy::refuses(v);
  out << fmt::format("  {} [{}] ruleset \"{}\" ({}): {}\n", refuses ? "refuse" : "warn  ", v.rule,
                     v.ruleset, policy::enforcement_name(v.enforcement),
                     util::printable(v.message));
  if (auto at = where(v); !at.empty())
    out << "         at " << at << "\n";
  for (const auto& hint : v.hints)
    out << "         fix: " << util::printable(hint) << "\n";
}

util::Json violation_json(const policy::Violation& v) {
  util::Json j{{"rule", v.rule},
               {"ruleset", v.ruleset},
               {"enforcement", policy::enforcement_name(v.enforcement)},
               {"control", v.control},
               {"message", v.message},
               {"hints", v.hints}};
  if (!v.commit.empty())
    j["commit"] = v.commit;
  if (!v.path.empty())
    j["path"] = v.path;
  if (v.line > 0)
    j["line"] = v.line;
  return j;
}

} // namespace

void print_dry_run_text(std::ostream& out, const std::vector<JudgedRange>& ranges) {
  size_t refused = 0;
  for (const auto& r : ranges) {
    const auto& verdict = r.judged.verdict;
    refused += verdict.refused() ? 1 : 0;
    for (const auto& d : r.judged.decisions) {
      out << fmt::format("{}  {} {} ({} commit{}{})\n", verdict.refused() ? "FAIL" : "ok  ",
                         d.update.ref, r.spec, r.commits, r.commits == 1 ? "" : "s",
                         verdict.warnings ? fmt::format(", {} warning{}", verdict.warnings,
                                                        verdict.warnings == 1 ? "" : "s")
                                          : "");
      for (const auto& v : d.violations)
        print_violation(out, v);
    }
  }
  out << fmt::format("custody check: {} range{} checked, {} would be refused\n", ranges.size(),
                     ranges.size() == 1 ? "" : "s", refused);
}

util::Json dry_run_json(const std::string& repo, const std::string& ref,
                        const std::vector<JudgedRange>& ranges) {
  util::Json out{{"repo", repo}, {"ref", ref}, {"refused", false}, {"ranges", util::Json::array()}};
  for (const auto& r : ranges) {
    for (const auto& d : r.judged.decisions) {
      util::Json violations = util::Json::array(), would_reject = util::Json::array();
      for (const auto& v : d.violations)
        (policy::refuses(v) ? violations : would_reject).push_back(violation_json(v));
      out["ranges"].push_back({{"range", r.spec},
                               {"old", d.update.old_oid},
                               {"new", d.update.new_oid},
                               {"kind", std::string(refs::to_string(d.kind))},
                               {"commits", r.commits},
                               {"refused", r.judged.verdict.refused()},
                               {"violations", std::move(violations)},
                               {"would_reject", std::move(would_reject)}});
    }
    if (r.judged.verdict.refused())
      out["refused"] = true;
  }
  return out;
}

} // namespace custody::cli
