#pragma once
// `custody check --repo R [--ref REF] [RANGE...]`: a dry run. Judges commits already in a
// repository against the effective rulesets, with the push pipeline (every check family, secrets
// included), as if each RANGE were pushed to REF: `A..B` as moving REF from A to B (the commits B
// has and A lacks), `B` as creating REF at B (all of B's history). Nothing moves and nothing is
// recorded in the ledger. docs/config.md, "Dry runs".
#include "hook/io.hpp"
#include "hook/push_pipeline.hpp"

#include <optional>
#include <string>
#include <vector>

namespace custody::cli {

enum class Format { text, json };

struct DryRunOptions {
  std::string repo;
  std::optional<std::string> ref;  // default: the branch HEAD names
  std::vector<std::string> ranges; // default: REF's whole history
  Format format = Format::text;
};

// One range, judged.
struct JudgedRange {
  std::string spec; // as typed
  size_t commits = 0;
  hook::Judged judged;
};

// Returns 0 (nothing would be refused), 1 (something would be) or 2 (could not run).
int check_dry_run(const DryRunOptions& options, hook::Io& io);

// The report: one block per range, every violation with its ruleset, rule and fix.
void print_dry_run_text(std::ostream& out, const std::vector<JudgedRange>& ranges);
util::Json dry_run_json(const std::string& repo, const std::string& ref,
                        const std::vector<JudgedRange>& ranges);

} // namespace custody::cli
