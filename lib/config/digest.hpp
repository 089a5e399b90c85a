#pragma once
// A digest of the configuration in force: which layers applied and what each said. Recorded in
// every decision (`config_digest`), it shows an auditor when the policy changed (a change of
// configuration is itself evidence of control design), and the evidence bundle matches it
// against the layer files it collects.
#include "config/config.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace custody::config {

// "sha256:<hex>" over, per layer in order, "<name>\n<sha256 of its text>\n". The embedded
// default's text is the one compiled in; a file that can no longer be read counts as
// "<unreadable>" (a later read sees the same digest only if it is unreadable too).
std::string config_digest(const Config& config);

// The same digest over layers given as (name, text) pairs (the bundle, for files it read).
std::string config_digest_of(const std::vector<std::pair<std::string, std::string>>& layers);

// The embedded default configuration's text and the name its layer carries.
std::string_view embedded_default_text();
std::string_view embedded_default_name();

} // namespace custody::config
