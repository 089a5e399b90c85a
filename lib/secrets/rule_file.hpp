#pragma once
// Loading rule files. Two formats, told apart by their top-level key:
//  - custody's own (`[[rule]]`, config/rules.toml, docs/secrets.md "Rules format"), strict:
//    unknown keys and bad regexes are errors with file:line:col;
//  - gitleaks (`[[rules]]`, `[allowlist]`, `[[allowlists]]`), loaded as it is: what custody
//    cannot honour (an `[extend]` of gitleaks' default config, composite `[[rules.required]]`,
//    a regex PCRE2 rejects, unknown keys) is skipped and reported in `notes`, never fatal.
#include "config/diagnostics.hpp"
#include "secrets/rule.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace custody::secrets {

struct RuleFile {
  std::vector<Rule> rules;
  std::vector<Allowlist> allowlists; // file-wide allowlists (gitleaks [allowlist] / [[allowlists]])
  std::vector<std::string> notes;    // "file:line: what was skipped and why" (gitleaks imports)
};

enum class RuleFormat { custody, gitleaks };

// Parses `text`, named `file` in messages. Errors go to `errors`; the rules that loaded are kept.
RuleFile load_rule_text(std::string_view text, const std::string& file,
                        config::Diagnostics& errors);
RuleFormat detect_rule_format(std::string_view text);

} // namespace custody::secrets
