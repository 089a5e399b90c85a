#pragma once
// SplitMix64 (Steele, Lea and Flood, 2014; constants as in Vigna's reference splitmix64.c). Its
// n-th output for seed s is mix(s + n * 0x9e3779b97f4a7c15), so the key of any record can be
// computed directly from its seq: the sample needs no generator state and no standard-library
// distribution (whose results differ between libraries).
#include <cstdint>

namespace custody::report {

inline uint64_t splitmix64_mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The `n`-th output (1-based) of SplitMix64 seeded with `seed`.
inline uint64_t splitmix64_nth(uint64_t seed, uint64_t n) {
  return splitmix64_mix(seed + n * 0x9e3779b97f4a7c15ULL);
}

} // namespace custody::report
