// What each secrets.* rule finds or refuses; see explain.hpp.
#include "secrets/explain.hpp"

#include "secrets/archive_scan.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/ruleset_rules.hpp"
#include "secrets/secrets_config.hpp"

#include <fmt/format.h>

namespace custody::secrets {

namespace {

constexpr const char* k_fix =
    "Fix: remove the secret from every commit that adds it (git commit --amend, git rebase -i),\n"
    "rotate it (it has left your machine), and push again. A false positive: an administrator\n"
    "adds its fingerprint to [secrets] allow_fingerprints (docs/secrets.md).\n";

struct Operational {
  const char* id;
  const char* text;
};

constexpr Operational k_operational[] = {
    {"secrets.secret-file",
     "A new file whose name is a credential by nature (id_rsa, *.pem with a private key, *.p12,\n"
     ".git-credentials, ...: [secrets] secret_files). Fix: remove it from the commits that\n"
     "add it and keep it out with .gitignore.\n"},
    {"secrets.time_budget",
     "Scanning ran out of [secrets] time_budget_ms with blobs not scanned, and on_timeout =\n"
     "\"reject\". Fix: push fewer commits at a time, or an administrator raises the budget.\n"},
    {"secrets.unavailable",
     "Secret scanning could not run (objects unreadable or the rules failed to load), so the push\n"
     "is refused rather than accepted unchecked. Fix: retry; an administrator runs git fsck or\n"
     "fixes the configuration (custody config check).\n"},
    {"secrets.regex_limit",
     "A rule hit the regex engine's match limit on a blob, and on_regex_limit = \"reject\". Fix:\n"
     "shorten the long line or repeated text in that file.\n"},
    {"secrets.binary_blob",
     "A binary blob that cannot be scanned, refused because [secrets] binary = \"reject\".\n"
     "Fix: store it outside the repository (Git LFS, an artifact store).\n"},
    {"secrets.oversize_blob",
     "A blob larger than [secrets] max_blob_bytes, refused because oversize = \"reject\". Fix:\n"
     "store it outside the repository (Git LFS, an artifact store).\n"},
};

} // namespace

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  const std::string where =
      policy::where_on(config.get<policy::Rulesets>(), [](const policy::Ruleset& r) {
        return r.rules.get<SecretRules>().secret_scanning != ScanScope::off;
      });
  std::vector<policy::RuleDoc> out;
  for (const auto& o : k_operational)
    out.push_back({o.id, o.text + where});
  for (auto reason : {ArchiveSkipReason::too_deep, ArchiveSkipReason::too_big,
                      ArchiveSkipReason::corrupt, ArchiveSkipReason::encrypted})
    out.push_back({fmt::format("secrets.{}", archive_skip_name(reason)),
                   fmt::format("An archive (zip, jar, gzip, tar) or member that could not be "
                               "scanned ({}), refused\nwhen [secrets] oversize (depth, size) or "
                               "binary (corrupt, encrypted) is \"reject\".\n{}",
                               archive_skip_name(reason), where)});
  auto loaded = load_engine(config.get<SecretsConfig>());
  if (!loaded)
    return out; // `custody config check` reports why; the other ids still explain
  for (const auto& rule : loaded->engine.rules())
    out.push_back(
        {fmt::format("secrets.{}", rule.id),
         fmt::format("{} (tier {}: {}; SOC 2 {}; defined at {}).\n{}{}", rule.description,
                     tier_name(rule.tier),
                     rule.tier == Tier::block ? "refuses the push"
                                              : "a warning, recorded in the ledger",
                     rule.control, rule.origin.empty() ? "built in" : rule.origin, k_fix, where)});
  return out;
}

} // namespace custody::secrets
