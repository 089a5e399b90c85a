// custody log verify: the auditor's check of the whole chain.
#include "cli/args.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "ledger/collect.hpp"
#include "ledger/verify.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody log verify [--ledger PATH [--head-file PATH] | --repo PATH]
                          [--public-key PEM] [--witness SEQ:HASH|REPO.git] [--json] [--accept-gap]
       custody log verify --collected DIR [--repo PATH] [--json]

Checks every record of every segment: gapless seq, each prev equal to the previous record's
hash, each hash equal to SHA-256 of the line without its hash member, segment numbers in order.
  --public-key PEM     also check the Ed25519 checkpoint signatures, and that no record comes
                       after the last signed checkpoint
  --witness SEQ:HASH   a head recorded earlier (`custody log head`): that record must still be
                       there with that hash (catches truncation and rewritten history)
  --witness REPO.git   a witness repository (`custody log witness`) or a clone of it: every
                       ledger its newest commit names (only the selected one with --ledger or
                       --repo) must still hold its witnessed head; with --public-key, each
                       entry's signature must verify too
  --json               print the result as one JSON object
  --head-file PATH     with --ledger: the head file to compare with ([ledger] head_file; with
                       --repo it is found from the configuration)
  --accept-gap         the ledger was deleted, truncated or replaced and cannot be restored:
                       append a "gap" record naming the head expected and the head found (and
                       who accepted it), so pushes are recorded again; then verify
  --collected DIR      a copy collected by `custody log import`: alone, check every chain in it
                       on its own (hashes, order, prev links) and report missing seqs as gaps;
                       with --repo, use the collected head of this node's chain of the
                       repository as a witness (a deleted or truncated ledger is damage)
The head file keeps the ledger's last seq and hash outside its directory: a ledger that ends
before it is reported as a gap, and pushes are refused until it is restored or accepted.
Exit 0: intact (torn tails from crashed writers are reported as warnings); 1: damaged, naming
the first bad record; 2: the ledger cannot be read.
)";

Result<ledger::Witness> parse_witness(const std::string& text) {
  auto colon = text.find(':');
  std::string seq = text.substr(0, colon);
  std::string hash = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (seq.empty() || seq.find_first_not_of("0123456789") != std::string::npos ||
      hash.size() != 64 || !util::is_hex(hash))
    return make_error(ErrorCode::invalid_input, fmt::format("--witness '{}' is not SEQ:HASH", text),
                      "use the output of `custody log head`, e.g. 1234:9f86d08...");
  return ledger::Witness{std::stoull(seq), util::to_lower(hash)};
}

util::Json finding_json(const ledger::Finding& f) {
  return {{"file", f.file}, {"line", f.line}, {"message", f.message}, {"hint", f.hint}};
}

// Records the gap with the administrator's name; prints what was recorded.
bool accept_gap(const ledger::LedgerOptions& location, hook::Io& io) {
  if (location.head_file.empty()) {
    print_log_error(io.err, "verify",
                    make_error(ErrorCode::invalid_input, "--accept-gap needs the head file",
                               "pass --repo PATH, or --head-file PATH with --ledger"));
    return false;
  }
  std::string by =
      io.env.get_nonempty("SUDO_USER").value_or(io.env.get_nonempty("USER").value_or("unknown"));
  auto appended = ledger::accept_gap(location, by);
  if (!appended) {
    print_log_error(io.err, "verify", appended.error());
    return false;
  }
  io.out << fmt::format("gap recorded by {} as record seq {}; the chain continues from there\n", by,
                        appended->seq);
  return true;
}

// Every chain of a collected copy; exit 0 only when all are intact and gapless.
int verify_collected(const std::filesystem::path& dir, bool json, hook::Io& io) {
  auto reports = ledger::verify_collected(dir);
  if (!reports) {
    print_log_error(io.err, "verify", reports.error());
    return hook::k_exit_internal_error;
  }
  bool ok = true;
  util::Json chains = util::Json::array();
  uint64_t records = 0;
  for (const auto& r : *reports) {
    records += r.records;
    ok = ok && !r.error && r.gaps.empty();
    util::Json gaps = util::Json::array();
    std::vector<std::string> gap_text;
    for (const auto& [first, last] : r.gaps) {
      gaps.push_back({{"first", first}, {"last", last}});
      gap_text.push_back(first == last ? fmt::format("{}", first)
                                       : fmt::format("{}-{}", first, last));
    }
    if (json) {
      chains.push_back({{"repo_id", r.key.repo_id},
                        {"chain", r.key.chain},
                        {"records", r.records},
                        {"head", {{"seq", r.last_seq}, {"hash", r.head_hash}}},
                        {"gaps", gaps},
                        {"error", r.error ? util::Json(*r.error) : util::Json()}});
      continue;
    }
    std::string line = fmt::format("{} chain {}: {} records, head seq {} hash {}", r.key.repo_id,
                                   r.key.chain, r.records, r.last_seq, r.head_hash.substr(0, 12));
    if (r.error)
      io.err << fmt::format("custody log verify: {}: damaged: {}\n", line, *r.error);
    else if (!r.gaps.empty())
      io.err << fmt::format("custody log verify: {}: gap: seq {} missing\n", line,
                            util::join(gap_text, ", "));
    else
      io.out << line << ": OK\n";
  }
  if (json)
    io.out << util::dump_compact({{"ok", ok}, {"records", records}, {"chains", chains}}) << "\n";
  else
    io.out << fmt::format("collected copy {}: {} chains, {} records\n", ok ? "OK" : "NOT intact",
                          reports->size(), records);
  return ok ? hook::k_exit_ok : hook::k_exit_rejected;
}

} // namespace

int log_verify(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--ledger", true},
                                  {"--repo", true},
                                  {"--public-key", true},
                                  {"--witness", true},
                                  {"--json", false},
                                  {"--head-file", true},
                                  {"--accept-gap", false},
                                  {"--collected", true}});
  if (!parsed) {
    print_log_error(io.err, "verify", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_help;
    return hook::k_exit_ok;
  }
  auto collected = parsed->value("--collected");
  if (collected && !parsed->has("--repo"))
    return verify_collected(cli_path(*collected, io), parsed->has("--json"), io);
  if (auto witness = parsed->value("--witness");
      witness && std::filesystem::is_directory(cli_path(*witness, io)))
    return verify_against_witness(*parsed, cli_path(*witness, io), io);
  auto location = locate_ledger(*parsed, io);
  if (!location) {
    print_log_error(io.err, "verify", location.error());
    return hook::k_exit_internal_error;
  }
  if (parsed->has("--accept-gap") && !accept_gap(*location, io))
    return hook::k_exit_rejected;
  ledger::VerifyOptions options;
  options.path = location->path;
  options.head_file = location->head_file;
  if (auto key = parsed->value("--public-key"))
    options.public_key = cli_path(*key, io);
  if (auto witness = parsed->value("--witness")) {
    auto w = parse_witness(*witness);
    if (!w) {
      print_log_error(io.err, "verify", w.error());
      return hook::k_exit_usage;
    }
    options.witness = *w;
  }
  std::optional<ledger::Witness> collected_head;
  if (collected && !options.witness) {
    if (auto head =
            ledger::collected_head(cli_path(*collected, io), {location->repo_id, location->node})) {
      collected_head = ledger::Witness{head->first, head->second};
      options.witness = collected_head;
    }
  }
  auto report = ledger::verify(options);
  if (!report && collected_head && report.error().code == ErrorCode::not_found) {
    io.err << fmt::format("custody log verify: ledger damaged: {}: the ledger is missing, but the "
                          "collected copy holds its chain up to seq {} (hash {})\n",
                          options.path.string(), collected_head->seq,
                          collected_head->hash.substr(0, 12));
    io.err << "hint: restore the ledger from the collected copy (custody log import --out)\n";
    return hook::k_exit_rejected;
  }
  if (!report) {
    print_log_error(io.err, "verify", report.error());
    return hook::k_exit_internal_error;
  }
  const bool ok = !report->error;
  if (parsed->has("--json")) {
    util::Json out = {{"ok", ok},
                      {"ledger", options.path.string()},
                      {"records", report->records},
                      {"segments", report->segments},
                      {"checkpoints", report->checkpoints},
                      {"signatures_checked", report->signatures_checked},
                      {"head", {{"seq", report->head_seq}, {"hash", report->head_hash}}},
                      {"warning_count", report->warning_count},
                      {"warnings", util::Json::array()}};
    for (const auto& w : report->warnings)
      out["warnings"].push_back(finding_json(w));
    out["error"] = ok ? util::Json() : finding_json(*report->error);
    io.out << util::dump_compact(out) << "\n";
    return ok ? hook::k_exit_ok : hook::k_exit_rejected;
  }
  for (const auto& w : report->warnings)
    io.err << "warning: " << ledger::format_finding(w) << "\n";
  if (report->warning_count > report->warnings.size())
    io.err << fmt::format("warning: {} more warnings not shown\n",
                          report->warning_count - report->warnings.size());
  if (!ok) {
    io.err << "custody log verify: ledger damaged: " << ledger::format_finding(*report->error)
           << "\n";
    if (!report->error->hint.empty())
      io.err << "hint: " << report->error->hint << "\n";
    return hook::k_exit_rejected;
  }
  std::string line = fmt::format(
      "ledger OK: {} records in {} segment{}, head seq {} hash {}", report->records,
      report->segments, report->segments == 1 ? "" : "s", report->head_seq, report->head_hash);
  if (options.public_key)
    line += fmt::format("; {} checkpoint signatures valid", report->signatures_checked);
  if (report->warning_count > 0)
    line +=
        fmt::format("; {} torn range{} (warning{})", report->warning_count,
                    report->warning_count == 1 ? "" : "s", report->warning_count == 1 ? "" : "s");
  io.out << line << "\n";
  return hook::k_exit_ok;
}

} // namespace custody::cli
