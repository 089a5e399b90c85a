#pragma once
// One ledger record as one line a person can scan (custody log tail).
#include <string>
#include <string_view>

namespace custody::report {

// "seq 12  2026-03-01T10:00:00Z  pre-receive  alice[agent]  refs/heads/main  force  rejected
//  refs/no-force-push"; ledger-internal records (recovery, checkpoint) say what they are.
std::string readable_line(std::string_view line);

} // namespace custody::report
