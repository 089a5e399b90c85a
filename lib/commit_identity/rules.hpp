#pragma once
// Who made each commit a protected ref gains, as rules of a ruleset (docs/config.md, "Signed
// commits and committers"): GitLab's "Reject unsigned commits" and "Reject unverified users",
// GitHub's "Require signed commits", judged against the identity registry ([[people]]).
namespace custody::commit_identity {

struct CommitIdentityRules {
  // Every new commit carries a valid SSH or OpenPGP signature by a key registered to its committer.
  bool require_signed_commits = false;
  // Every new commit's committer is the authenticated pusher (by the registry).
  bool committer_is_pusher = false;

  bool any() const { return require_signed_commits || committer_is_pusher; }
};

} // namespace custody::commit_identity
