#pragma once
// What the push check does with a finding before it becomes a refusal: a finding an inline
// allow marker silenced is recorded as a bypass (rule, fingerprint, path, commit, pusher), unless
// an agent pushed it (agents may not bypass, however the bypass is spelled).
#include "policy/push_context.hpp"
#include "secrets/finding.hpp"
#include "secrets/new_blobs.hpp"

#include <string>

namespace custody::secrets {

// True if a marker silenced `f` for a human pusher: recorded in `d.evidence` as
// "silenced_by_marker", and it must not refuse the push. False otherwise (an agent's marker is
// recorded as "marker_refused"); the finding goes on to the tier and refusal path.
bool record_silenced_by_marker(const Finding& f, const NewBlob& where, policy::PushContext& ctx,
                               policy::RefDecision& d);

// The "not a secret?" hint of a refusal: mentions the inline marker only to a human pusher on a
// server that honours markers.
std::string not_a_secret_hint(const Finding& f, const policy::PushContext& ctx);

} // namespace custody::secrets
