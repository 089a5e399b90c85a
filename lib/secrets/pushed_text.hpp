#pragma once
// Pushed text that is not blob content (issue 10): the messages of the commits and annotated tags
// a push introduces, and the paths its commits add or change. It is scanned with the blob rules,
// and each finding joins the blob findings under a labelled location ("(commit message)",
// "(tag message)", or the path itself), so inline markers, tiers, bypasses, refusals and the
// ledger treat it exactly as a finding in a file. Every secret found there is then redacted from
// the free text already in the push's decisions (trailer values in review evidence, violation
// messages) and from the blobs' paths: nothing pushed reaches the ledger or the pusher in full.
#include "policy/push_context.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/engine.hpp"
#include "secrets/new_blobs.hpp"

#include <string>
#include <vector>

namespace custody::secrets {

inline constexpr std::string_view k_commit_message_location = "(commit message)";
inline constexpr std::string_view k_tag_message_location = "(tag message)";

// A commit the push introduces, with what it carries besides blob content: its message and the
// paths it adds or changes.
struct NewCommit {
  std::string id;
  std::string message;
  std::vector<std::string> paths;
  size_t ref_index = 0;
};

struct NewTag {
  std::string id;
  std::string message;
  size_t ref_index = 0; // the decision whose new value is (or leads through) this tag
};

// Scans `commits`' messages and paths and `tags`' messages; appends one entry per text with
// findings (or a regex-limit status) to `blobs` and `report.blobs`, and returns how many. Texts
// over `max_bytes` are not scanned: they get the oversize status, so [secrets].oversize applies.
// Rewrites the secrets found in `blobs`' paths and in `decisions` (evidence, violations) to
// their redacted form. Call it after every check that writes pushed text into `decisions`.
size_t scan_pushed_text(const Engine& engine, const std::vector<NewCommit>& commits,
                        const std::vector<NewTag>& tags, uint64_t max_bytes,
                        std::vector<policy::RefDecision>& decisions, std::vector<NewBlob>& blobs,
                        BlobScanReport& report);

} // namespace custody::secrets
