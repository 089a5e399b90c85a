#pragma once
// The push-rule family (GitLab's push rules, GitHub's push rulesets), over what each ref gains:
//
//  push_rules.message_pattern            a new commit's message does not match the pattern
//  push_rules.message_forbidden_pattern  a new commit's message matches the pattern
//  push_rules.branch_name_pattern        a new branch's name does not match the pattern
//  push_rules.author_email_pattern       a new commit's author email does not match the pattern
//  push_rules.prohibited_paths           a new commit adds a file matching one of the globs
//  push_rules.max_file_bytes             a new blob is larger (Git LFS pointers exempt)
//  push_rules.dco                        a new commit (not a merge) lacks its author's sign-off
//  push_rules.unreadable                 what the push brings could not be read (fails closed)
//
// Every key is a rule of a ruleset (rules.hpp); its enforcement decides what a violation does.
// Commit rules are judged once per commit and ruleset, file sizes read once per new blob.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::pushrules {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::pushrules
