#pragma once
// The ledger witness (docs/witness.md): the heads of every ledger on a node, committed to a git
// repository that custody guards (no force push, no deletion), so that every clone of it holds
// heads the node cannot take back. A witnessed head (seq, hash) must stay in its ledger forever:
// a deleted, truncated or rewritten ledger no longer holds it.
#include "git/file_commits.hpp"
#include "report/estate.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace custody::report {

inline constexpr const char* k_witness_ref = "refs/heads/main";

// One ledger's witnessed head: the file ledgers/<repository>.json of a witness commit.
struct WitnessEntry {
  std::string repository; // as LedgerSource::repository
  std::string ledger;     // the live segment's absolute path on the node
  uint64_t seq = 0;
  std::string hash;
  std::string time; // when this head was first witnessed
  std::string key;  // signing key id; empty when the ledger has no signing key
  std::string sig;  // base64 Ed25519 over witness_message(); empty without a key
};

// The bytes a witness signature covers: "custody-ledger-witness:v1:<repository>:<seq>:<hash>".
std::string witness_message(const std::string& repository, uint64_t seq, const std::string& hash);

// Path of an entry in the witness tree.
std::string witness_file(const std::string& repository);
std::string witness_json(const WitnessEntry& entry);
Result<WitnessEntry> parse_witness_json(const std::string& text);

// The entries of the newest witness commit (empty when there is none), by repository.
struct WitnessState {
  std::string commit; // newest commit; empty: nothing witnessed yet
  std::string time;   // its committer time, UTC
  std::map<std::string, WitnessEntry> entries;
};
Result<WitnessState> read_witness(const git::Repo& witness);

// Whether the ledger still holds the witnessed head. nullopt: it does; otherwise one line naming
// what is there now. A ledger that holds it but is damaged elsewhere is reported too.
// With `public_key`, an entry's signature must verify with it.
Result<std::optional<std::string>>
check_witnessed(const WitnessEntry& entry,
                const std::optional<std::filesystem::path>& public_key = std::nullopt);

// The entry for a ledger's current head (signed with source.signing_key when set);
// nullopt for a ledger without records.
Result<std::optional<WitnessEntry>> current_head(const LedgerSource& source,
                                                 const std::string& now);

} // namespace custody::report
