#pragma once
// Ref protection rules of one ruleset: what may happen to the refs it targets. In the `default`
// ruleset they are [refs]'s block_* keys (and [agents].may_push_protected); any ruleset can set
// them in its `rules` table.
namespace custody::protection {

struct RefRules {
  bool deletion = false;         // refuse deleting a targeted ref (branch or tag)
  bool tag_deletion = false;     // refuse deleting a targeted tag (GitLab's "no tag removal")
  bool non_fast_forward = false; // refuse force pushes
  bool tag_move = false;         // refuse re-pointing an existing tag
  bool creation = false;         // refuse creating a targeted ref
  bool update = false;           // refuse moving a targeted ref at all (even a fast-forward)
  bool agent_push = false;       // refuse any update by an agent account
};

} // namespace custody::protection
