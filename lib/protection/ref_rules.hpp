#pragma once
// The ref protection family: who may change the refs a ruleset targets, and how.
//
//  refs.agent_push  (CC6.1) an agent/bot account updates a targeted ref at all
//  refs.deletion    (CC8.1) a targeted branch or tag is deleted
//  refs.force_push  (CC8.1) a targeted branch moves to a commit that does not contain its old tip
//  refs.tag_move    (CC8.1) an existing targeted tag is re-pointed
//  refs.creation    (CC8.1) a targeted ref is created
//  refs.update      (CC8.1) a targeted ref moves (any update that neither creates nor deletes)
//
// Refs no ruleset targets are free for everyone: feature branches can be force-pushed and deleted.
#include "policy/push_context.hpp"

#include <vector>

namespace custody::protection {

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions);

} // namespace custody::protection
