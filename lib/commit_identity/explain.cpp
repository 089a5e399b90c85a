// What each commit_identity.* rule refuses; see explain.hpp.
#include "commit_identity/explain.hpp"

#include "commit_identity/rules.hpp"

namespace custody::commit_identity {

namespace {

constexpr policy::RuleText<CommitIdentityRules> k_docs[] = {
    {"require_signed_commits",
     "Refuses a new commit that is not signed by a key registered ([[people]] ssh_keys) to the\n"
     "person its committer email names; the commit a platform creates in a web merge is judged\n"
     "by the platform rules instead (ruleset key `require_signed_commits`). Fix: git -c\n"
     "gpg.format=ssh -c user.signingkey=KEY commit --amend --no-edit -S (a series: git rebase\n"
     "--exec 'git commit --amend --no-edit -S' <base>).\n",
     [](const CommitIdentityRules& r) { return r.require_signed_commits; }},
    {"committer_is_pusher",
     "Refuses a new commit whose committer is not the authenticated pusher by the registry\n"
     "(the pusher's `accounts` and the committer's `emails` name the same person; GitLab's\n"
     "\"reject unverified users\"; ruleset key `committer_is_pusher`). Platform web merges are\n"
     "exempt. Fix: commit as yourself (git config user.email) or let the committer push.\n",
     [](const CommitIdentityRules& r) { return r.committer_is_pusher; }},
    {"unreadable",
     "Refuses when the server cannot read a commit a targeted ref gains, so who made it cannot\n"
     "be judged (fail closed). Fix: retry; an administrator runs git fsck.\n",
     [](const CommitIdentityRules& r) { return r.any(); }},
};

} // namespace

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  return policy::rule_docs_of<CommitIdentityRules>("commit_identity", k_docs,
                                                   config.get<policy::Rulesets>());
}

} // namespace custody::commit_identity
