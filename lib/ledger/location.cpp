#include "ledger/location.hpp"

namespace custody::ledger {

LedgerOptions locate(const LedgerConfig& config, const std::filesystem::path& git_dir) {
  std::filesystem::path path = config.path.empty() ? "custody/ledger.jsonl" : config.path;
  if (path.is_relative())
    path = git_dir / path;
  std::filesystem::path key = config.signing_key;
  if (!key.empty() && key.is_relative())
    key = git_dir / key;
  return {path.lexically_normal(), config.rotate_bytes, key};
}

} // namespace custody::ledger
