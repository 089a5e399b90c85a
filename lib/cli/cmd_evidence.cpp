// custody evidence: the auditor's folder for a period, over every ledger of an estate; and
// custody evidence verify: checks such a folder later.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "ledger/signer.hpp"
#include "report/evidence.hpp"
#include "report/manifest.hpp"
#include "report/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody evidence (--root DIR | --ledgers GLOB...) --from DATE --to DATE --out DIR
                        [--seed S] [--n N] [--signing-key PEM] [--public-key PEM] [--reconstruct]
       custody evidence verify DIR [--public-key PEM]

Writes one folder for the auditor, and DIR.tar.gz of it, covering every ledger of an estate for
the period: index.html (a summary per control: CC8.1, CC6.1, CC6.6; per repository and month:
decisions, refusals, bypasses, review coverage of every change to protected refs with AI-assisted
ones as a subset, secret findings; the chain status and head of every ledger), every decision as
decisions.csv and decisions.json, a reproducible sample of N decisions per control (default 25,
seed S, default "FROM/TO") with their full records, verify.json, the configuration layers in
force (policy/), and a MANIFEST with the SHA-256 of every file.
  --root DIR        every git repository under DIR (bare or not), each ledger found as its hooks
                    find it (custody/ledger.jsonl unless [ledger] path says otherwise)
  --ledgers GLOB    ledger files on a collector (repeatable), e.g. '/srv/custody/**/ledger.jsonl'
  --signing-key PEM sign MANIFEST (Ed25519); default: the ledgers' [ledger] signing_key when
                    this user can read it
  --public-key PEM  check checkpoint signatures of ledgers that configure no key
  --reconstruct     add what the repositories' history says for the period (AI-assisted
                    commits, reviewers named, signatures), marked as not enforced at the time
verify: checks every file against MANIFEST (and MANIFEST.sig); exit 1 naming each file that was
changed, removed or added. Method and layout: docs/evidence.md.
)";

int evidence_verify(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed =
      parse_command_line("evidence verify", args, {{"--public-key", true}}, k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  if (parsed->positional().size() != 1) {
    io.err << "custody evidence verify: name one bundle folder\n";
    return hook::k_exit_usage;
  }
  std::filesystem::path dir = cli_path(parsed->positional()[0], io);
  std::optional<std::filesystem::path> key;
  if (auto k = parsed->value("--public-key"))
    key = cli_path(*k, io);
  auto check = report::verify_manifest(dir, key);
  if (!check) {
    print_command_error(io.err, "evidence verify", check.error());
    return hook::k_exit_internal_error;
  }
  for (const auto& p : check->problems)
    io.err << "custody evidence verify: " << p << "\n";
  if (!check->problems.empty()) {
    io.err << fmt::format("custody evidence verify: {} problem{} in {}\n", check->problems.size(),
                          check->problems.size() == 1 ? "" : "s", dir.string());
    return hook::k_exit_rejected;
  }
  io.out << fmt::format("bundle OK: {} files match MANIFEST{}\n", check->files,
                        check->signature_present
                            ? fmt::format("; MANIFEST signed by key {}", check->signed_by)
                            : "; MANIFEST is not signed");
  return hook::k_exit_ok;
}

// The key that signs MANIFEST: --signing-key, else the first ledger key this user can read.
std::optional<std::filesystem::path> manifest_key(const ParsedArgs& args,
                                                  const std::vector<report::LedgerSource>& sources,
                                                  hook::Io& io) {
  if (auto k = args.value("--signing-key"))
    return cli_path(*k, io);
  for (const auto& s : sources)
    if (!s.signing_key.empty() && ledger::Ed25519Key::load_private(s.signing_key))
      return s.signing_key;
  return std::nullopt;
}

} // namespace

int cmd_evidence(const Args& args, hook::Io& io) {
  if (!args.empty() && args[0] == "verify")
    return evidence_verify(Args(args.begin() + 1, args.end()), io);
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("evidence", args,
                                   {{"--root", true},
                                    {"--ledgers", true},
                                    {"--from", true},
                                    {"--to", true},
                                    {"--out", true},
                                    {"--seed", true},
                                    {"--n", true},
                                    {"--signing-key", true},
                                    {"--public-key", true},
                                    {"--reconstruct", false}},
                                   k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  auto usage = [&](const std::string& message, const std::string& hint = {}) {
    print_command_error(io.err, "evidence", make_error(ErrorCode::invalid_input, message, hint));
    return hook::k_exit_usage;
  };
  auto root = parsed->value("--root");
  auto globs = parsed->values("--ledgers");
  auto from = parsed->value("--from"), to = parsed->value("--to"), out = parsed->value("--out");
  if (!root == globs.empty())
    return usage("give --root DIR or --ledgers GLOB (not both)",
                 "--root for a host's repository root, --ledgers for a collector's files");
  if (!from || !to || !out)
    return usage("--from, --to and --out are required",
                 "e.g. --from 2026-07-01 --to 2026-09-30 --out evidence-2026-Q3");
  std::string n_text = parsed->value("--n").value_or("25");
  if (n_text.empty() || n_text.size() > 6 ||
      n_text.find_first_not_of("0123456789") != std::string::npos || n_text == "0")
    return usage(fmt::format("--n '{}' is not a count between 1 and 999999", n_text));
  auto filter = report::Filter::make(from, to, std::nullopt);
  if (!filter) {
    print_command_error(io.err, "evidence", filter.error());
    return hook::k_exit_usage;
  }
  auto sources = root ? report::ledgers_under_root(cli_path(*root, io), io.env)
                      : report::ledgers_matching(globs, io.cwd);
  if (!sources) {
    print_command_error(io.err, "evidence", sources.error());
    return hook::k_exit_internal_error;
  }
  if (sources->empty())
    return usage(root ? fmt::format("no git repository under {}", *root)
                      : "no ledger file matches --ledgers");
  report::EvidenceOptions options;
  options.scope =
      root ? "--root " + *root : "--ledgers " + fmt::format("{}", fmt::join(globs, " "));
  options.from = *from;
  options.to = *to;
  options.filter = std::move(*filter);
  options.out = cli_path(*out, io);
  options.seed_text = parsed->value("--seed").value_or(*from + "/" + *to);
  options.seed = report::parse_seed(options.seed_text);
  options.sample_size = std::stoul(n_text);
  options.manifest_key = manifest_key(*parsed, *sources, io);
  if (auto k = parsed->value("--public-key"))
    options.public_key = cli_path(*k, io);
  options.reconstruct = parsed->has("--reconstruct");
  options.ledgers = std::move(*sources);
  auto written = report::write_evidence(options);
  if (!written) {
    print_command_error(io.err, "evidence", written.error());
    return hook::k_exit_internal_error;
  }
  const auto& t = written->totals;
  io.out << fmt::format("evidence: {} ({} repositories, {} ledgers, {} decisions, {} refused)\n",
                        written->dir.string(), written->repositories, written->ledgers, t.decisions,
                        t.rejected);
  io.out << fmt::format("archive:  {}\n", written->archive.string());
  io.out << (options.manifest_key ? "MANIFEST signed\n"
                                  : "MANIFEST not signed (no readable signing key)\n");
  if (written->damaged)
    io.err << fmt::format("warning: {} ledger{} damaged: see verify.json and index.html\n",
                          written->damaged, written->damaged == 1 ? " is" : "s are");
  return hook::k_exit_ok;
}

} // namespace custody::cli
