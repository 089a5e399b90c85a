#pragma once
// Bounding how much of the packfiles libgit2 keeps mapped. Its 64-bit defaults map pack windows
// of 1 GiB up to 8 GiB in total, and every mapped page that was read counts in the process's
// RSS: reading a whole history (`custody scan --all`) of a repository with a 2 GiB pack would
// then hold about 2 GiB. Process-wide, so only whole-history commands set it.
#include <cstddef>

namespace custody::git {

// Pack windows of at most `window_bytes`, at most `total_bytes` mapped at once (older windows
// are unmapped first).
void limit_pack_memory(size_t window_bytes, size_t total_bytes);

// libgit2's cache of parsed commits and trees (256 MiB per process by default): a whole-history
// walk reads each tree once, so a small cache loses little and keeps the walk's memory bounded.
void limit_object_cache(size_t bytes);

} // namespace custody::git
