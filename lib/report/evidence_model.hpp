#pragma once
// What the evidence bundle found, gathered in one pass per ledger and then written out as JSON
// files and as index.html (evidence_html.cpp).
#include "report/summary.hpp"
#include "util/json.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace custody::report {

struct LedgerStatus {
  std::string repository, ledger;
  bool present = true, ok = true;
  uint64_t records = 0, segments = 0, checkpoints = 0, signatures_checked = 0, head_seq = 0;
  std::string head_hash;
  std::string problem;    // the first damage found, located; "" when intact
  std::string signatures; // "N valid (key K)", "not configured", or why they were not checked
  uint64_t warnings = 0;  // torn tails
  util::Json to_json() const;
};

// The decisions recorded under one config_digest (records of when the configuration changed).
struct DigestRun {
  std::string digest, first_time, last_time;
  uint64_t decisions = 0;
};

struct RepositoryEvidence {
  Summary summary{Period::month};
  std::vector<DigestRun> digests; // in the order they appeared; a new run on every change
  std::string config_digest_now, config_error;
  std::vector<std::string> layers; // the configuration files that apply now
};

struct SampledDecision {
  uint64_t key = 0;
  std::string repository, file;
  uint64_t line = 0, seq = 0;
  std::string hash, prev, text;
};

struct ControlSample {
  std::string control, population_rule;
  uint64_t population = 0;
  std::vector<SampledDecision> items; // in (repository, seq) order
};

struct PolicyLayer {
  std::string source, file, sha256; // where it was found, its copy in the bundle, its digest
};

struct EvidenceModel {
  std::string generated, from, to, scope, seed_text, method;
  uint64_t seed = 0;
  size_t sample_size = 0;
  Summary estate{Period::month};
  std::map<std::string, RepositoryEvidence> repositories;
  std::vector<LedgerStatus> ledgers;
  std::vector<ControlSample> samples;
  std::vector<PolicyLayer> layers;
  bool records_carry_digest = false;
  util::Json reconstruction; // null unless --reconstruct
};

std::string evidence_index_html(const EvidenceModel& model);

} // namespace custody::report
