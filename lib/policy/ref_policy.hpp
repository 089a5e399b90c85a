#pragma once
// The ref policy: who may change protected refs, and how.
//
//  refs.agent_push  (CC6.1) an agent/bot account updates a protected ref at all
//  refs.deletion    (CC8.1) a protected branch or tag is deleted
//  refs.force_push  (CC8.1) a protected branch moves to a commit that does not contain its old tip
//  refs.tag_move    (CC8.1) an existing protected tag is re-pointed
//
// Unprotected refs are free for everyone: feature branches can be force-pushed and deleted.
#include "hook/push_context.hpp"

#include <vector>

namespace custody::policy {

bool is_protected_ref(const config::RefsConfig& refs, const std::string& ref);

void check_ref_policy(hook::PushContext& ctx, std::vector<hook::RefDecision>& decisions);

} // namespace custody::policy
