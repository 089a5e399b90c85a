#include "policy/ruleset_section.hpp"

#include "config/sections.hpp"
#include "policy/ruleset.hpp"

#include <fmt/format.h>

namespace custody::policy {

namespace {

void read_entry(config::TableReader& t, Rulesets& rulesets) {
  auto name = t.string("name");
  if (!name || name->empty()) {
    t.error("name", fmt::format("{}: every ruleset needs a `name`", t.dotted()));
    t.finish({"refs", "exclude", "enforcement", "bypass", "rules"});
    return;
  }
  Ruleset& r = rulesets.find_or_add(*name);
  if (auto v = t.globs("refs", util::GlobSyntax::path))
    r.refs = std::move(*v);
  if (auto v = t.globs("exclude", util::GlobSyntax::path))
    r.exclude = std::move(*v);
  if (auto v = t.choice("enforcement", {"active", "evaluate", "disabled"}))
    r.enforcement = *v == "evaluate"   ? Enforcement::evaluate
                    : *v == "disabled" ? Enforcement::disabled
                                       : Enforcement::active;
  if (auto v = t.strings("bypass"))
    r.bypass = std::move(*v);
  if (auto rules = t.table("rules")) {
    for (const auto& section : config::family_sections())
      if (section.apply_rules)
        section.apply_rules(*rules, r.rules);
    rules->finish();
  }
  t.finish();
}

} // namespace

void apply_rulesets_section(std::vector<config::TableReader>& entries, config::Config& config) {
  auto& rulesets = config.edit<Rulesets>();
  for (auto& entry : entries)
    read_entry(entry, rulesets);
}

} // namespace custody::policy
