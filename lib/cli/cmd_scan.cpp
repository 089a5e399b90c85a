// `custody scan`: secret scanning of a repository's history, for audits and for bare mirrors
// (which receive objects by fetch, past every hook). The same engine and rules as the push check;
// blobs are listed by secrets::history_blobs and scanned on all cores by secrets::scan_blobs.
// Findings go to stdout in the chosen format, the summary and warnings to stderr.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "git/pack_memory.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/history_blobs.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/scan_report.hpp"
#include "secrets/secrets_config.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody scan [--repo PATH] [--all | RANGE...] [--format text|json|sarif]

Scans a repository's history for secrets with the rules of the push check (the builtin rules
and the site's, from the effective configuration of that repository). Each blob is read and
scanned once, on all cores, and reported under a commit and a path that contain it.

  --repo PATH      the repository (bare or not; default: the one in the current directory)
  --all            every blob reachable from any ref (branches, tags, notes, ...)
  RANGE            A..B: the blobs the commits in B but not in A introduce; REV: the whole
                   history of REV. Several may be given. Default: HEAD's history.
  --format FORMAT  text (default; one line per finding), json (an array of findings with rule,
                   commit, path, line, fingerprint, redacted), or sarif (SARIF 2.1.0)

Secrets are never printed in full: only a redacted form (first characters and length) and a
fingerprint, which [secrets].allow_fingerprints accepts. Binary blobs and blobs larger than
[secrets].max_blob_bytes are not scanned; the summary on stderr counts them.

Exit status: 0 nothing found, 1 findings, 2 the scan could not run or some blobs could not be
read, 129 a bad command line.
)";

} // namespace

int cmd_scan(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed =
      parse_command_line("scan", args, {{"--repo", true}, {"--all", false}, {"--format", true}},
                         k_help, io, exit_code);
  if (!parsed)
    return exit_code;
  const std::string format = parsed->value("--format").value_or("text");
  if (format != "text" && format != "json" && format != "sarif") {
    io.err << fmt::format("custody scan: unknown format \"{}\" (text, json or sarif)\n", format);
    return hook::k_exit_usage;
  }
  secrets::HistorySelection selection;
  selection.all = parsed->has("--all");
  selection.ranges = parsed->positional();
  if (selection.all && !selection.ranges.empty()) {
    io.err << "custody scan: --all and RANGE arguments exclude each other\n";
    return hook::k_exit_usage;
  }

  const auto started = std::chrono::steady_clock::now();
  // A whole history touches every pack page: keep the mapped part (and so the RSS) bounded.
  git::limit_pack_memory(size_t{32} << 20, size_t{128} << 20);
  auto repo = git::Repo::open(parsed->value("--repo").value_or(io.cwd.string()));
  if (!repo) {
    print_command_error(io.err, "scan", repo.error());
    return hook::k_exit_internal_error;
  }
  auto loaded = config::load_config(config::load_options_from_env(io.env, repo->git_dir()));
  if (!loaded.diagnostics.empty()) {
    print_command_error(io.err, "scan",
                        make_error(ErrorCode::invalid_config,
                                   "configuration error: " + loaded.diagnostics.front().to_string(),
                                   "`custody config check` lists every problem"));
    return hook::k_exit_internal_error;
  }
  const secrets::SecretsConfig& config = loaded.config.get<secrets::SecretsConfig>();
  auto engine = secrets::load_engine(config);
  if (!engine) {
    print_command_error(io.err, "scan", engine.error());
    return hook::k_exit_internal_error;
  }
  for (const auto& note : engine->notes)
    io.err << "custody scan: note: " << note << "\n";

  auto blobs = secrets::history_blobs(*repo, selection);
  if (!blobs) {
    print_command_error(io.err, "scan", blobs.error());
    return hook::k_exit_internal_error;
  }
  const secrets::BlobScanReport report = secrets::scan_blobs(
      *repo, engine->engine, *blobs, config.max_blob_bytes, secrets::Deadline::max());

  std::vector<secrets::LocatedFinding> findings;
  size_t binary = 0, oversize = 0, unreadable = 0;
  for (size_t i = 0; i < blobs->size(); ++i) {
    const secrets::NewBlob& nb = (*blobs)[i];
    const secrets::ScannedBlob& sb = report.blobs[i];
    binary += sb.status == secrets::BlobStatus::binary;
    oversize += sb.status == secrets::BlobStatus::oversize;
    if (sb.status == secrets::BlobStatus::unreadable) {
      ++unreadable;
      io.err << fmt::format("custody scan: warning: cannot read blob {} ({} in {})\n", nb.id,
                            nb.path, nb.commit.substr(0, 12));
    }
    for (const auto& rule : sb.limited_rules)
      io.err << fmt::format("custody scan: warning: rule {} hit the regex limits on {} (blob {}); "
                            "that rule did not fully scan it\n",
                            rule, nb.path, nb.id);
    for (const auto& f : sb.findings)
      findings.push_back({f, nb.commit, nb.path, nb.id});
  }

  if (format == "json")
    io.out << secrets::json_report(findings).dump(2) << "\n";
  else if (format == "sarif")
    io.out << secrets::sarif_report(findings, CUSTODY_VERSION).dump(2) << "\n";
  else
    io.out << secrets::text_report(findings);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  io.err << fmt::format("custody scan: {} blob(s), {:.1f} MiB scanned in {:.2f} s; {} finding(s); "
                        "not scanned: {} binary, {} oversize, {} unreadable\n",
                        blobs->size(), static_cast<double>(report.bytes_scanned) / (1 << 20),
                        seconds, findings.size(), binary, oversize, unreadable);
  if (!findings.empty())
    return hook::k_exit_rejected;
  return unreadable ? hook::k_exit_internal_error : hook::k_exit_ok;
}

} // namespace custody::cli
