#include "ledger/location.hpp"

namespace custody::ledger {

LedgerOptions locate(const LedgerConfig& config, const std::filesystem::path& git_dir) {
  std::filesystem::path path = config.path.empty() ? "custody/ledger.jsonl" : config.path;
  if (path.is_relative())
    path = git_dir / path;
  std::filesystem::path key = config.signing_key;
  if (!key.empty() && key.is_relative())
    key = git_dir / key;
  // The head file must not share the ledger's fate: by default it sits in the git dir, beside
  // (not inside) the ledger's directory.
  std::filesystem::path head = config.head_file.empty()
                                   ? std::filesystem::path("custody-ledger.head")
                                   : std::filesystem::path(config.head_file);
  if (head.is_relative())
    head = git_dir / head;
  LedgerOptions options;
  options.path = path.lexically_normal();
  options.rotate_bytes = config.rotate_bytes;
  options.signing_key = key;
  options.head_file = head.lexically_normal();
  return options;
}

} // namespace custody::ledger
