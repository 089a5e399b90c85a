#pragma once
// What the push check does with a finding before it becomes a refusal: a finding an inline
// allow marker silenced is recorded as a bypass (rule, fingerprint, path, commit, pusher), unless
// an agent pushed it (agents may not bypass, however the bypass is spelled); a warn-tier finding
// is shown as a `warning:` line and recorded, never refused.
#include "hook/push_context.hpp"
#include "secrets/finding.hpp"
#include "secrets/new_blobs.hpp"

#include <string>

namespace custody::secrets {

// True if `f` is fully handled here (recorded in `d.evidence`, shown in ctx.notes) and must not
// refuse the push; false if it goes on to the refusal path.
bool record_silenced_or_warning(const Finding& f, const NewBlob& where, hook::PushContext& ctx,
                                hook::RefDecision& d);

// The "not a secret?" hint of a refusal: mentions the inline marker only to a human pusher on a
// server that honours markers.
std::string not_a_secret_hint(const Finding& f, const hook::PushContext& ctx);

} // namespace custody::secrets
