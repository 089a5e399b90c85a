#pragma once
// Turning decisions into the lines a pusher sees as `remote:` output. One contiguous block, no
// leading blank line (Gitea shows consecutive remote lines in its UI); with GL_ID set (GitLab)
// every line carries the GL-HOOK-ERR: prefix so GitLab's web UI shows the whole message.
#include "hook/policy_names.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace custody::hook {

struct RenderOptions {
  bool gitlab = false;                    // prefix lines with "GL-HOOK-ERR: "
  bool whole_push = true;                 // pre-receive: one violation rejects every ref
  const char* headline = "push rejected"; // the mirror check reports fetched updates instead
};

RenderOptions render_options_for(const util::Environment& env, HookKind hook);

// Writes the rejection block for every refusing violation (nothing when there are none), then a
// `warning:` line for each violation an evaluate-mode ruleset only records, and a line for each
// bypassed one.
void render_verdict(std::ostream& err, const std::vector<RefDecision>& decisions,
                    const policy::Verdict& verdict, const RenderOptions& options);
// Writes a one-problem refusal: "custody: <message>" and "custody:   hint: <hint>".
void render_failure(std::ostream& err, const Error& error, const RenderOptions& options);

} // namespace custody::hook
