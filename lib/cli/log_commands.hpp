#pragma once
// The `custody log` subcommands, one file each (cmd_log_*.cpp), dispatched by cmd_log.cpp.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <ostream>

namespace custody::cli {

int log_verify(const Args& args, hook::Io& io);
int log_head(const Args& args, hook::Io& io);
int log_tail(const Args& args, hook::Io& io);
int log_report(const Args& args, hook::Io& io);
int log_sample(const Args& args, hook::Io& io);
int log_keygen(const Args& args, hook::Io& io);
int log_import(const Args& args, hook::Io& io);
int log_witness(const Args& args, hook::Io& io);
// custody log verify --witness REPO.git: every ledger the witness names (or only the one
// --ledger/--repo selects) must still hold its witnessed head.
int verify_against_witness(const ParsedArgs& args, const std::filesystem::path& witness,
                           hook::Io& io);

// "custody log ACTION: message" and, when there is one, "hint: ..." on `err`.
void print_log_error(std::ostream& err, const char* action, const Error& error);

} // namespace custody::cli
