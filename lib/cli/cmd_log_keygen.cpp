// custody log keygen: an Ed25519 key pair for signed ledger checkpoints.
#include "cli/args.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "ledger/signer.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help = R"(usage: custody log keygen --out DIR

Writes DIR/ledger-signing.key (Ed25519 private key, PEM, mode 0600) and DIR/ledger-signing.pub
(public key, PEM). Never overwrites. Then, on the server:
  chown <hook user> DIR/ledger-signing.key      # readable by the hook's user only
  [ledger] signing_key = "DIR/ledger-signing.key"
and give the .pub file to whoever verifies: custody log verify --public-key ledger-signing.pub
)";

} // namespace

int log_keygen(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--out", true}});
  if (!parsed || parsed->has("--help") || !parsed->value("--out")) {
    if (!parsed)
      print_log_error(io.err, "keygen", parsed.error());
    (parsed && parsed->has("--help") ? io.out : io.err) << k_help;
    return parsed && parsed->has("--help") ? hook::k_exit_ok : hook::k_exit_usage;
  }
  auto dir = cli_path(*parsed->value("--out"), io);
  if (auto written = ledger::write_key_pair(dir); !written) {
    print_log_error(io.err, "keygen", written.error());
    return hook::k_exit_internal_error;
  }
  io.out << fmt::format("wrote {} (private, 0600) and {}\n", (dir / "ledger-signing.key").string(),
                        (dir / "ledger-signing.pub").string());
  return hook::k_exit_ok;
}

} // namespace custody::cli
