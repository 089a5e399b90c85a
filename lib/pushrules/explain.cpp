// What each push_rules.* rule refuses; see explain.hpp.
#include "pushrules/explain.hpp"

#include "pushrules/rules.hpp"

namespace custody::pushrules {

namespace {

constexpr policy::RuleText<PushRules> k_docs[] = {
    {"message_pattern",
     "Refuses a new commit whose message (subject and body) does not match the ruleset's\n"
     "`message_pattern` (a PCRE2 regex, searched: anchor with ^). Fix: reword the commit\n"
     "(git commit --amend, or git rebase -i for older ones) and push again.\n",
     [](const PushRules& r) { return r.message_pattern.has_value(); }},
    {"message_forbidden_pattern",
     "Refuses a new commit whose message matches the ruleset's `message_forbidden_pattern`.\n"
     "Fix: reword the commit (git commit --amend / git rebase -i).\n",
     [](const PushRules& r) { return r.message_forbidden_pattern.has_value(); }},
    {"branch_name_pattern",
     "Refuses creating a branch whose name (after refs/heads/) does not match the ruleset's\n"
     "`branch_name_pattern`; existing branches and tags are not judged. Fix: push under a name\n"
     "that matches (git push origin HEAD:refs/heads/<name>).\n",
     [](const PushRules& r) { return r.branch_name_pattern.has_value(); }},
    {"author_email_pattern",
     "Refuses a new commit whose author email does not match the ruleset's\n"
     "`author_email_pattern`. Fix: git config user.email <address>, then git commit --amend\n"
     "--reset-author (or git rebase -i with --reset-author) and push again.\n",
     [](const PushRules& r) { return r.author_email_pattern.has_value(); }},
    {"prohibited_paths",
     "Refuses a new commit that adds a file matching the ruleset's `prohibited_paths` globs\n"
     "(files already present may change). Fix: remove the file from the commits that add it\n"
     "(git rm --cached, amend or rebase) and keep it out with .gitignore.\n",
     [](const PushRules& r) { return !r.prohibited_paths.empty(); }},
    {"max_file_bytes",
     "Refuses a new file larger than the ruleset's `max_file_bytes`; Git LFS pointers are\n"
     "exempt. Fix: track the file with Git LFS (git lfs track, git lfs migrate import) or keep\n"
     "it outside the repository.\n",
     [](const PushRules& r) { return r.max_file_bytes.has_value(); }},
    {"dco",
     "Refuses a new non-merge commit without a `Signed-off-by:` trailer naming its author (the\n"
     "Developer Certificate of Origin; ruleset key `dco`). Fix: git commit --amend -s --no-edit,\n"
     "or for a series git rebase --signoff <base>.\n",
     [](const PushRules& r) { return r.dco; }},
    {"unreadable",
     "Refuses when the server cannot read the commits or files a targeted ref gains, so the push\n"
     "rules cannot be judged (fail closed). Fix: retry; an administrator runs git fsck.\n",
     [](const PushRules& r) { return r.any(); }},
};

} // namespace

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t) {
  return policy::rule_docs_of<PushRules>("push_rules", k_docs, config.get<policy::Rulesets>());
}

} // namespace custody::pushrules
