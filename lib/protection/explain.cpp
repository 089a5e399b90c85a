// What each refs.* rule refuses; see explain.hpp.
#include "protection/explain.hpp"

#include "protection/rules.hpp"

namespace custody::protection {

namespace {

constexpr policy::RuleText<RefRules> k_docs[] = {
    {"deletion",
     "Refuses deleting a targeted ref (ruleset key `deletion`; for tags also `tag_deletion`; in\n"
     "the default ruleset [refs] block_deletion). Fix: keep the ref; an administrator deletes it\n"
     "on the server or is listed in the ruleset's `bypass`.\n",
     [](const RefRules& r) { return r.deletion || r.tag_deletion; }},
    {"force_push",
     "Refuses a non-fast-forward update: the new tip does not contain the old one, so commits\n"
     "would be lost (ruleset key `non_fast_forward`; default ruleset [refs] block_force_push).\n"
     "Fix: git pull --rebase, then push without --force.\n",
     [](const RefRules& r) { return r.non_fast_forward; }},
    {"tag_move",
     "Refuses re-pointing an existing tag: protected tags are immutable (ruleset key `tag_move`;\n"
     "default ruleset [refs] block_tag_move). Fix: create a new tag instead.\n",
     [](const RefRules& r) { return r.tag_move; }},
    {"creation",
     "Refuses creating a targeted ref (ruleset key `creation`). Fix: push to a name the ruleset\n"
     "does not target, or ask an administrator to create it.\n",
     [](const RefRules& r) { return r.creation; }},
    {"update",
     "Refuses moving a targeted ref at all, fast-forwards included (ruleset key `update`): for\n"
     "refs only an administrator changes (refs/replace/**, refs/notes/** in `history-views`).\n",
     [](const RefRules& r) { return r.update; }},
    {"agent_push",
     "Refuses any update by an agent account ([agents] accounts/emails, [[people]] kind =\n"
     "\"agent\"; ruleset key `agent_push`; the default ruleset's follows [agents]\n"
     "may_push_protected). Fix: push to a feature branch and let a human review and merge it.\n",
     [](const RefRules& r) { return r.agent_push; }},
};

} // namespace

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  return policy::rule_docs_of<RefRules>("refs", k_docs, config.get<policy::Rulesets>());
}

} // namespace custody::protection
