#pragma once
// Exit codes of every custody executable. "Policy said no" (rejected) is kept apart from "we
// could not decide" (internal_error) so logs and wrappers can tell them apart; both make git
// refuse the push.
namespace custody::hook {

enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_rejected = 1,       // a policy violation: the push or commit is refused
  k_exit_internal_error = 2, // config, I/O, git or input failure: refused, fail closed
  k_exit_usage = 129,        // bad command line (git's own convention)
};

} // namespace custody::hook
