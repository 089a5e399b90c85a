#pragma once
// Which ledger a `custody log` command reads: --ledger PATH, else the ledger configured for the
// repository (--repo PATH, else the one around the working directory), exactly as the hooks
// resolve it: [ledger] path relative to the git dir, signing_key likewise.
#include "cli/args.hpp"
#include "hook/io.hpp"
#include "ledger/ledger.hpp"

namespace custody::cli {

Result<ledger::LedgerOptions> locate_ledger(const ParsedArgs& args, const hook::Io& io);

// A path from the command line, relative to the command's working directory.
std::filesystem::path cli_path(const std::string& value, const hook::Io& io);

} // namespace custody::cli
