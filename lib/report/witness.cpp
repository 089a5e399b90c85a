#include "report/witness.hpp"

#include "ledger/head.hpp"
#include "ledger/signer.hpp"
#include "ledger/verify.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

namespace custody::report {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_prefix = "ledgers/";
constexpr const char* k_suffix = ".json";

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

} // namespace

std::string witness_message(const std::string& repository, uint64_t seq, const std::string& hash) {
  return fmt::format("custody-ledger-witness:v1:{}:{}:{}", repository, seq, hash);
}

std::string witness_file(const std::string& repository) {
  return fmt::format("{}{}{}", k_prefix, repository, k_suffix);
}

std::string witness_json(const WitnessEntry& entry) {
  util::Json json = {{"repository", entry.repository},
                     {"ledger", entry.ledger},
                     {"seq", entry.seq},
                     {"hash", entry.hash},
                     {"time", entry.time}};
  if (!entry.sig.empty()) {
    json["key"] = entry.key;
    json["sig"] = entry.sig;
  }
  return util::dump_compact(json) + "\n";
}

Result<WitnessEntry> parse_witness_json(const std::string& text) {
  auto json = util::Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("repository") ||
      !json["repository"].is_string() || !json.contains("ledger") || !json["ledger"].is_string() ||
      !json.contains("seq") || !json["seq"].is_number_unsigned() || !json.contains("hash") ||
      !json["hash"].is_string())
    return make_error(ErrorCode::invalid_input, "not a witness entry");
  WitnessEntry entry;
  entry.repository = json["repository"].get<std::string>();
  entry.ledger = json["ledger"].get<std::string>();
  entry.seq = json["seq"].get<uint64_t>();
  entry.hash = json["hash"].get<std::string>();
  entry.time = json.value("time", "");
  entry.key = json.value("key", "");
  entry.sig = json.value("sig", "");
  return entry;
}

Result<WitnessState> read_witness(const git::Repo& witness) {
  auto commits = git::file_commits(witness, k_witness_ref);
  if (!commits)
    return commits.error();
  WitnessState state;
  if (commits->empty())
    return state;
  const auto& newest = commits->back();
  state.commit = newest.id;
  state.time = util::format_utc_seconds(newest.time);
  for (const auto& [path, content] : newest.files) {
    if (!path.starts_with(k_prefix) || !path.ends_with(k_suffix))
      continue;
    auto entry = parse_witness_json(content);
    if (!entry)
      return make_error(ErrorCode::invalid_input,
                        fmt::format("{} in witness commit {} is not a witness entry", path,
                                    short_hash(newest.id)));
    state.entries[entry->repository] = std::move(*entry);
  }
  return state;
}

Result<std::optional<std::string>> check_witnessed(const WitnessEntry& entry,
                                                   const std::optional<fs::path>& public_key) {
  const std::string witnessed =
      fmt::format("the witness recorded seq {} hash {}", entry.seq, short_hash(entry.hash));
  if (public_key) {
    auto key = ledger::Ed25519Key::load_public(*public_key);
    if (!key)
      return key.error();
    if (entry.sig.empty())
      return std::optional<std::string>(
          fmt::format("{}: the witness entry is not signed ({})", entry.repository, witnessed));
    if (!key->verify(witness_message(entry.repository, entry.seq, entry.hash), entry.sig))
      return std::optional<std::string>(
          fmt::format("{}: the witness entry's signature does not verify with {} ({})",
                      entry.repository, public_key->string(), witnessed));
  }
  std::error_code ec;
  if (!fs::exists(entry.ledger, ec))
    return std::optional<std::string>(
        fmt::format("{}: the ledger {} is missing, but {} (the ledger was deleted)",
                    entry.repository, entry.ledger, witnessed));
  ledger::VerifyOptions options;
  options.path = entry.ledger;
  options.witness = ledger::Witness{entry.seq, entry.hash};
  auto report = ledger::verify(options);
  if (!report)
    return std::optional<std::string>(fmt::format("{}: the ledger {} cannot be read ({}), but {}",
                                                  entry.repository, entry.ledger,
                                                  report.error().message, witnessed));
  if (report->error)
    return std::optional<std::string>(fmt::format(
        "{}: {} ({})", entry.repository, ledger::format_finding(*report->error), witnessed));
  return std::optional<std::string>();
}

Result<std::optional<WitnessEntry>> current_head(const LedgerSource& source,
                                                 const std::string& now) {
  std::error_code ec;
  if (!fs::exists(source.ledger, ec))
    return std::optional<WitnessEntry>();
  auto head = ledger::read_head(source.ledger);
  if (!head)
    return head.error();
  if (!*head)
    return std::optional<WitnessEntry>();
  WitnessEntry entry;
  entry.repository = source.repository;
  entry.ledger = source.ledger.string();
  entry.seq = (*head)->seq;
  entry.hash = (*head)->hash;
  entry.time = now;
  if (!source.signing_key.empty()) {
    auto key = ledger::Ed25519Key::load_private(source.signing_key);
    if (!key)
      return key.error();
    auto sig = key->sign(witness_message(entry.repository, entry.seq, entry.hash));
    if (!sig)
      return sig.error();
    entry.key = key->key_id();
    entry.sig = std::move(*sig);
  }
  return std::optional<WitnessEntry>(std::move(entry));
}

} // namespace custody::report
