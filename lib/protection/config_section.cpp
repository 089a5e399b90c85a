// The [refs] table, and the ref rules in a ruleset's `rules`.
#include "protection/config_section.hpp"

#include "policy/ruleset.hpp"
#include "protection/rules.hpp"

namespace custody::protection {

void apply_section(config::TableReader& t, config::Config& c) {
  policy::Ruleset& d = c.edit<policy::Rulesets>().default_ruleset();
  auto& rules = d.rules.edit<RefRules>();
  if (auto v = t.globs("protected", util::GlobSyntax::path))
    d.refs = std::move(*v);
  if (auto v = t.boolean("block_force_push"))
    rules.non_fast_forward = *v;
  if (auto v = t.boolean("block_deletion"))
    rules.deletion = *v;
  if (auto v = t.boolean("block_tag_move"))
    rules.tag_move = *v;
  t.finish();
}

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  auto& rules = ruleset_rules.edit<RefRules>();
  for (auto [key, field] : {std::pair{"deletion", &RefRules::deletion},
                            {"tag_deletion", &RefRules::tag_deletion},
                            {"non_fast_forward", &RefRules::non_fast_forward},
                            {"tag_move", &RefRules::tag_move},
                            {"creation", &RefRules::creation},
                            {"update", &RefRules::update},
                            {"agent_push", &RefRules::agent_push}})
    if (auto v = t.boolean(key))
      rules.*field = *v;
}

} // namespace custody::protection
