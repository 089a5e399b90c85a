// What each refs.* rule refuses; see explain.hpp.
#include "protection/explain.hpp"

#include "protection/rules.hpp"

namespace custody::protection {

namespace {

struct Doc {
  const char* id;
  const char* text;
  bool RefRules::*flag;
};

constexpr Doc k_docs[] = {
    {"refs.deletion",
     "Refuses deleting a targeted ref (ruleset key `deletion`; for tags also `tag_deletion`; in\n"
     "the default ruleset [refs] block_deletion). Fix: keep the ref; an administrator deletes it\n"
     "on the server or is listed in the ruleset's `bypass`.\n",
     &RefRules::deletion},
    {"refs.force_push",
     "Refuses a non-fast-forward update: the new tip does not contain the old one, so commits\n"
     "would be lost (ruleset key `non_fast_forward`; default ruleset [refs] block_force_push).\n"
     "Fix: git pull --rebase, then push without --force.\n",
     &RefRules::non_fast_forward},
    {"refs.tag_move",
     "Refuses re-pointing an existing tag: protected tags are immutable (ruleset key `tag_move`;\n"
     "default ruleset [refs] block_tag_move). Fix: create a new tag instead.\n",
     &RefRules::tag_move},
    {"refs.creation",
     "Refuses creating a targeted ref (ruleset key `creation`). Fix: push to a name the ruleset\n"
     "does not target, or ask an administrator to create it.\n",
     &RefRules::creation},
    {"refs.update",
     "Refuses moving a targeted ref at all, fast-forwards included (ruleset key `update`): for\n"
     "refs only an administrator changes (refs/replace/**, refs/notes/** in `history-views`).\n",
     &RefRules::update},
    {"refs.agent_push",
     "Refuses any update by an agent account ([agents] accounts/emails, [[people]] kind =\n"
     "\"agent\"; ruleset key `agent_push`; the default ruleset's follows [agents]\n"
     "may_push_protected). Fix: push to a feature branch and let a human review and merge it.\n",
     &RefRules::agent_push},
};

} // namespace

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  const auto& rulesets = config.get<policy::Rulesets>();
  std::vector<policy::RuleDoc> out;
  for (const auto& d : k_docs)
    out.push_back({d.id, d.text + policy::where_on(rulesets, [&](const policy::Ruleset& r) {
                           const auto& rules = r.rules.get<RefRules>();
                           return rules.*d.flag ||
                                  (d.flag == &RefRules::deletion && rules.tag_deletion);
                         })});
  return out;
}

} // namespace custody::protection
