#pragma once
// How sure a rule is that what it matched is a live secret (issue 12, docs/secrets.md "Tiers").
// `block`: a provider format recognised with high confidence (a fixed prefix, a checksum, a PEM
// key, a signed JWT); a push carrying one is refused. `warn`: a generic assignment or an entropy
// guess; shown to the pusher and recorded, never refused unless the site promotes the rule.
#include <optional>
#include <string_view>

namespace custody::secrets {

enum class Tier { block, warn };

constexpr std::string_view tier_name(Tier t) {
  return t == Tier::warn ? "warn" : "block";
}

constexpr std::optional<Tier> parse_tier(std::string_view s) {
  if (s == "block")
    return Tier::block;
  if (s == "warn")
    return Tier::warn;
  return std::nullopt;
}

} // namespace custody::secrets
