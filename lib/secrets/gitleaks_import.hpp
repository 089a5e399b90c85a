#pragma once
// Importing a gitleaks configuration (gitleaks v8 `.gitleaks.toml`) as it is, so a site that
// already tuned gitleaks keeps its rules and allowlists. Go RE2 regexes are compiled with PCRE2,
// which accepts RE2's syntax except for a few corners; whatever cannot be honoured is skipped and
// reported as a note ("file:line: ..."), never silently dropped.
#include "secrets/rule_file.hpp"

namespace custody::secrets {

RuleFile import_gitleaks(std::string_view text, const std::string& file,
                         config::Diagnostics& errors);

} // namespace custody::secrets
