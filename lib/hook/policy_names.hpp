#pragma once
// The check contract's types (lib/policy/) under the names the hook code uses.
#include "policy/push_context.hpp"
#include "policy/verdict.hpp"

namespace custody::hook {

using policy::HookKind;
using policy::PushContext;
using policy::RefDecision;

} // namespace custody::hook
