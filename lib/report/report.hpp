#pragma once
// custody log report and custody log sample, as library calls: one streaming pass over the
// ledger each, memory bounded by the largest record (report) or by N records (sample).
#include "report/filter.hpp"
#include "report/summary.hpp"
#include "report/writer.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <ostream>

namespace custody::report {

struct ReportOptions {
  std::filesystem::path ledger;
  Filter filter;
  Format format = Format::json;
  Period period = Period::month;
};

Status write_report(const ReportOptions& options, std::ostream& out);

struct SampleOptions {
  std::filesystem::path ledger;
  Filter filter;
  size_t n = 25;
  uint64_t seed = 0;
  std::string seed_text; // as the auditor gave it
  bool json = false;
};

// The N decisions (records carrying "decision") with the smallest sample key, printed in chain
// order with their evidence and chain position. key(seq) = the seq-th output of SplitMix64
// seeded with `seed` (see prng.hpp): anyone can recompute it for any record.
Status write_sample(const SampleOptions& options, std::ostream& out);

// A seed from the command line: a decimal number as is, any other text as the first 8 bytes
// (big-endian) of its SHA-256, so "2026-Q1" works as a seed too.
uint64_t parse_seed(const std::string& text);

} // namespace custody::report
