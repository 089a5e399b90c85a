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
#include "secrets/baseline.hpp"
#include "secrets/blob_scan.hpp"
#include "secrets/history_blobs.hpp"
#include "secrets/history_scan.hpp"
#include "secrets/rule_set.hpp"
#include "secrets/scan_report.hpp"
#include "secrets/secrets_config.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <tuple>

namespace custody::cli {

namespace {

constexpr const char* k_help =
    R"(usage: custody scan [--repo PATH] [--all | RANGE...] [--format text|json|sarif]
                    [--baseline FILE] [--baseline-out FILE] [--gitleaks-ignore-path FILE]

Scans a repository's history for secrets with the rules of the push check (the builtin rules
and the site's, from the effective configuration of that repository). Each blob is read and
scanned once, on all cores, and reported under a commit and a path that contain it.

  --repo PATH      the repository (bare or not; default: the one in the current directory)
  --all            every blob reachable from any ref (branches, tags, notes, ...)
  RANGE            A..B: the blobs the commits in B but not in A introduce; REV: the whole
                   history of REV. Several may be given. Default: HEAD's history.
  --format FORMAT  text (default; one line per finding), json (an array of findings with rule,
                   tier, commit, path, line, fingerprint, redacted), or sarif (SARIF 2.1.0)
  --baseline FILE  accept the findings listed in FILE (as [secrets].baseline does)
  --baseline-out FILE
                   write the findings, by fingerprint, to FILE: a baseline to adopt the gate
                   on a repository whose history already holds secrets
  --gitleaks-ignore-path FILE
                   a gitleaks .gitleaksignore (default: .gitleaksignore in the work tree)

Secrets are never printed in full: only a redacted form (at most 4 leading characters) and a
fingerprint, which [secrets].allow_fingerprints accepts. Findings an inline custody:allow or
gitleaks:allow marker silences are counted in the summary, not reported. Binary blobs and blobs larger than
[secrets].max_blob_bytes are not scanned; the summary on stderr counts them.

Exit status: 0 nothing found, 1 findings, 2 the scan could not run or some blobs could not be
read, 129 a bad command line.
)";

struct Outcome {
  std::vector<secrets::LocatedFinding> findings;
  size_t binary = 0, oversize = 0, unreadable = 0, silenced = 0, ignored = 0, archive_skipped = 0;
  uint64_t blobs = 0, bytes = 0;
};

// The .gitleaksignore that applies: --gitleaks-ignore-path, else the work tree's (if any).
secrets::GitleaksIgnore gitleaks_ignore(const ParsedArgs& parsed, const git::Repo& repo,
                                        hook::Io& io) {
  std::filesystem::path path;
  if (auto p = parsed.value("--gitleaks-ignore-path"))
    path = *p;
  else if (!repo.is_bare())
    path = (repo.git_dir() / "..").lexically_normal() / ".gitleaksignore"; // git_dir ends in '/'
  auto text = path.empty() ? Result<std::string>(std::string()) : util::read_file(path);
  if (!text) {
    if (parsed.has("--gitleaks-ignore-path"))
      io.err << fmt::format("custody scan: warning: {}\n", text.error().message);
    return {};
  }
  return secrets::GitleaksIgnore::parse(*text);
}

void account(const secrets::NewBlob& nb, const secrets::ScannedBlob& sb,
             const secrets::GitleaksIgnore& ignore, hook::Io& io, Outcome& out) {
  out.binary += sb.status == secrets::BlobStatus::binary;
  out.oversize += sb.status == secrets::BlobStatus::oversize;
  if (sb.status == secrets::BlobStatus::unreadable) {
    ++out.unreadable;
    io.err << fmt::format("custody scan: warning: cannot read blob {} ({} in {})\n", nb.id, nb.path,
                          nb.commit.substr(0, 12));
  }
  for (const auto& skip : sb.archive_skips) {
    ++out.archive_skipped;
    io.err << fmt::format("custody scan: warning: {}{}{} not scanned ({}, {} bytes; blob {})\n",
                          nb.path, skip.inner_path.empty() ? "" : "!", skip.inner_path,
                          secrets::archive_skip_name(skip.reason), skip.size, nb.id);
  }
  for (const auto& rule : sb.limited_rules)
    io.err << fmt::format("custody scan: warning: rule {} hit the regex limits on {} (blob {}); "
                          "that rule did not fully scan it\n",
                          rule, nb.path, nb.id);
  for (const auto& f : sb.findings) {
    secrets::LocatedFinding located{f, nb.commit, secrets::finding_path(nb.path, f), nb.id};
    if (f.silenced_by_marker)
      ++out.silenced;
    else if (ignore.ignores(located))
      ++out.ignored;
    else
      out.findings.push_back(std::move(located));
  }
}

// Scans the selection into `out`: --all streams (bounded memory, a repository handle per
// thread); ranges list their blobs first (they are what a range introduces, not a history).
Status scan_selection(const git::Repo& repo, const secrets::Engine& engine,
                      const secrets::HistorySelection& selection, uint64_t max_blob_bytes,
                      const secrets::GitleaksIgnore& ignore, hook::Io& io, Outcome& out) {
  if (selection.all) {
    auto tips = secrets::all_tips(repo);
    if (!tips)
      return tips.error();
    auto stats = secrets::scan_reachable_streaming(
        repo, engine, *tips, max_blob_bytes,
        [&](const secrets::NewBlob& nb, secrets::ScannedBlob&& sb) {
          account(nb, sb, ignore, io, out);
        });
    if (!stats)
      return stats.error();
    out.blobs = stats->blobs;
    out.bytes = stats->bytes_scanned;
  } else {
    auto blobs = secrets::history_blobs(repo, selection);
    if (!blobs)
      return blobs.error();
    const secrets::BlobScanReport report =
        secrets::scan_blobs(repo, engine, *blobs, max_blob_bytes, secrets::Deadline::max());
    for (size_t i = 0; i < blobs->size(); ++i)
      account((*blobs)[i], report.blobs[i], ignore, io, out);
    out.blobs = blobs->size();
    out.bytes = report.bytes_scanned;
  }
  // Workers finish in any order: report in a stable one.
  std::sort(out.findings.begin(), out.findings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.finding.line, a.finding.column, a.finding.rule, a.commit) <
           std::tie(b.path, b.finding.line, b.finding.column, b.finding.rule, b.commit);
  });
  return ok_status();
}

} // namespace

int cmd_scan(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("scan", args,
                                   {{"--repo", true},
                                    {"--all", false},
                                    {"--format", true},
                                    {"--baseline", true},
                                    {"--baseline-out", true},
                                    {"--gitleaks-ignore-path", true}},
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
  git::limit_object_cache(size_t{16} << 20);
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
  secrets::SecretsConfig config = loaded.config.get<secrets::SecretsConfig>();
  if (auto b = parsed->value("--baseline"))
    config.baseline = *b;
  auto engine = secrets::load_engine(config, repo->git_dir());
  if (!engine) {
    print_command_error(io.err, "scan", engine.error());
    return hook::k_exit_internal_error;
  }
  for (const auto& note : engine->notes)
    io.err << "custody scan: note: " << note << "\n";

  Outcome out;
  if (auto scanned = scan_selection(*repo, engine->engine, selection, config.max_blob_bytes,
                                    gitleaks_ignore(*parsed, *repo, io), io, out);
      !scanned) {
    print_command_error(io.err, "scan", scanned.error());
    return hook::k_exit_internal_error;
  }
  const auto& findings = out.findings;

  if (auto path = parsed->value("--baseline-out")) {
    if (auto written = util::write_file_atomic(*path, secrets::baseline_text(findings), 0600);
        !written) {
      print_command_error(io.err, "scan", written.error());
      return hook::k_exit_internal_error;
    }
  }
  if (format == "json")
    io.out << secrets::json_report(findings).dump(2) << "\n";
  else if (format == "sarif")
    io.out << secrets::sarif_report(findings, CUSTODY_VERSION).dump(2) << "\n";
  else
    io.out << secrets::text_report(findings);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  io.err << fmt::format(
      "custody scan: {} blob(s), {:.1f} MiB scanned in {:.2f} s; {} finding(s); "
      "not scanned: {} binary, {} oversize, {} unreadable; {} silenced by inline "
      "markers, {} in .gitleaksignore{}\n",
      out.blobs, static_cast<double>(out.bytes) / (1 << 20), seconds, findings.size(), out.binary,
      out.oversize, out.unreadable, out.silenced, out.ignored,
      out.archive_skipped ? fmt::format("; {} archive member(s) not scanned", out.archive_skipped)
                          : "");
  if (!findings.empty())
    return hook::k_exit_rejected;
  return out.unreadable ? hook::k_exit_internal_error : hook::k_exit_ok;
}

} // namespace custody::cli
