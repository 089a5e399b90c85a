// custody log witness: commit the heads of every ledger on a node to a witness repository that
// custody guards, so every clone of it holds heads the node cannot take back (docs/witness.md).
#include "cli/args.hpp"
#include "cli/install_paths.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "git/file_commits.hpp"
#include "hook/exit_code.hpp"
#include "install/hook_installer.hpp"
#include "report/estate.hpp"
#include "report/witness.hpp"
#include "util/file.hpp"
#include "util/json.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <ostream>
#include <set>

namespace custody::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_help =
    R"(usage: custody log witness --to REPO.git (--root DIR | --ledgers GLOB...)

Commits the head (seq, hash; signed when [ledger] signing_key is set) of every ledger on this
node to the witness repository REPO.git, one file per repository (ledgers/<repository>.json),
as a new commit on its main branch. Run it from cron; publish REPO.git and let auditors clone it.
  --root DIR       every git repository under DIR, each ledger found as its hooks find it
  --ledgers GLOB   ledger files (a collector's tree); repeatable
REPO.git is created when missing and guarded by custody: its pre-receive refuses force pushes
and deletions of any ref. Before committing, every ledger witnessed earlier must still hold its
witnessed head; a deleted, truncated or rewritten ledger is reported and nothing is committed.
Check later with `custody log verify --witness REPO.git` (or a clone of it).
Exit 0: committed (or nothing new); 1: a ledger no longer holds its witnessed head; 2: error.
)";

constexpr const char* k_witness_config =
    R"(# Written by `custody log witness`: this repository is a ledger witness (docs/witness.md).
# Its history only grows: no ref may be force-pushed, re-pointed or deleted.
[refs]
protected = ["refs/**"]
block_force_push = true
block_deletion = true
block_tag_move = true
)";

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

bool same_dir(const fs::path& a, const fs::path& b) {
  std::error_code ec1, ec2;
  auto ca = fs::weakly_canonical(a, ec1), cb = fs::weakly_canonical(b, ec2);
  return !ec1 && !ec2 && ca == cb;
}

// Creates the witness repository if needed and makes sure custody guards it.
Result<git::Repo> prepare_witness_repo(const fs::path& path, hook::Io& io) {
  std::error_code ec;
  const bool created = !fs::exists(path, ec);
  auto repo = created ? git::init_bare(path, "main") : git::Repo::open(path);
  if (!repo)
    return repo.error();
  if (!repo->is_bare())
    return make_error(ErrorCode::invalid_input,
                      fmt::format("{} is not a bare repository", path.string()),
                      "the witness is a bare repository that people clone");
  if (created)
    io.out << fmt::format("created the witness repository {}\n", path.string());
  fs::path config = repo->git_dir() / "custody.toml";
  if (!fs::exists(config, ec)) {
    CUSTODY_TRY(util::write_file_atomic(config, k_witness_config));
    io.out << fmt::format("wrote {}: force pushes and deletions of any ref are refused\n",
                          config.string());
  }
  for (const char* key : {"receive.denyNonFastForwards", "receive.denyDeletes"})
    if (repo->config_string(key).value_or("") != "true")
      CUSTODY_TRY(repo->set_config_bool(key, true));
  auto binary = hook_binary(io.env, "pre-receive");
  if (!binary)
    return binary.error();
  auto installed =
      install::install_hook(repo->hooks_dir(), "pre-receive", *binary, install::Force::no);
  if (!installed)
    return installed.error();
  if (installed->outcome != install::Outcome::already_installed)
    io.out << fmt::format("installed custody pre-receive in {}\n", installed->hook_path.string());
  return repo;
}

} // namespace

int log_witness(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--to", true}, {"--root", true}, {"--ledgers", true}});
  if (!parsed) {
    print_log_error(io.err, "witness", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_help;
    return hook::k_exit_ok;
  }
  auto to = parsed->value("--to");
  auto root = parsed->value("--root");
  auto globs = parsed->values("--ledgers");
  if (!to || !root == globs.empty()) {
    print_log_error(
        io.err, "witness",
        make_error(ErrorCode::invalid_input,
                   "give --to REPO.git and one of --root DIR or --ledgers GLOB",
                   "e.g. custody log witness --to /srv/git/witness.git --root /srv/git"));
    return hook::k_exit_usage;
  }
  const fs::path witness_path = cli_path(*to, io);
  auto sources = root ? report::ledgers_under_root(cli_path(*root, io), io.env)
                      : report::ledgers_matching(globs, io.cwd);
  if (!sources) {
    print_log_error(io.err, "witness", sources.error());
    return hook::k_exit_internal_error;
  }
  auto repo = prepare_witness_repo(witness_path, io);
  auto state = repo ? report::read_witness(*repo) : Result<report::WitnessState>(repo.error());
  if (!state) {
    print_log_error(io.err, "witness", state.error());
    return hook::k_exit_internal_error;
  }

  // Every head witnessed before must still be there.
  size_t lost = 0;
  for (const auto& [name, entry] : state->entries) {
    auto problem = report::check_witnessed(entry);
    if (!problem) {
      print_log_error(io.err, "witness", problem.error());
      return hook::k_exit_internal_error;
    }
    if (*problem) {
      io.err << fmt::format("custody log witness: {}\n", **problem);
      ++lost;
    }
  }
  if (lost > 0) {
    print_log_error(
        io.err, "witness",
        make_error(ErrorCode::invalid_input,
                   fmt::format("refusing to witness: {} witnessed ledger{} no longer hold{} the "
                               "witnessed head (witness commit {})",
                               lost, lost == 1 ? "" : "s", lost == 1 ? "s" : "",
                               short_hash(state->commit)),
                   "restore the ledger from a backup; the witness keeps the heads it recorded"));
    return hook::k_exit_rejected;
  }

  const std::string now = util::now_utc();
  git::FileSet files;
  for (const auto& [name, entry] : state->entries)
    files[report::witness_file(name)] = report::witness_json(entry);
  size_t changed = 0, witnessed = 0;
  std::string summary;
  for (const auto& source : *sources) {
    if (source.git_dir && same_dir(*source.git_dir, witness_path))
      continue;
    auto head = report::current_head(source, now);
    if (!head) {
      print_log_error(io.err, "witness",
                      make_error(head.error().code,
                                 fmt::format("{}: {}", source.repository, head.error().message),
                                 head.error().hint));
      return hook::k_exit_internal_error;
    }
    if (!*head) {
      io.out << fmt::format("{}: no records yet, not witnessed\n", source.repository);
      continue;
    }
    ++witnessed;
    auto before = state->entries.find(source.repository);
    if (before != state->entries.end() && before->second.seq == (*head)->seq &&
        before->second.hash == (*head)->hash && before->second.ledger == (*head)->ledger &&
        before->second.key == (*head)->key) {
      io.out << fmt::format("{}: seq {} hash {} (unchanged)\n", source.repository, (*head)->seq,
                            short_hash((*head)->hash));
      continue;
    }
    ++changed;
    io.out << fmt::format("{}: seq {} hash {}{}\n", source.repository, (*head)->seq,
                          short_hash((*head)->hash), (*head)->sig.empty() ? "" : " (signed)");
    summary += fmt::format("{} {} {}\n", source.repository, (*head)->seq, (*head)->hash);
    files[report::witness_file(source.repository)] = report::witness_json(**head);
  }
  if (changed == 0) {
    io.out << fmt::format("nothing new to witness: {} ledger{} unchanged\n", witnessed,
                          witnessed == 1 ? "" : "s");
    return hook::k_exit_ok;
  }
  std::string message =
      fmt::format("witness {} ledger head{}\n\n{}", changed, changed == 1 ? "" : "s", summary);
  auto commit = git::append_file_commit(*repo, report::k_witness_ref, state->commit, files, message,
                                        "custody witness", "custody-witness@localhost");
  if (!commit) {
    print_log_error(io.err, "witness", commit.error());
    return hook::k_exit_internal_error;
  }
  io.out << fmt::format("witness commit {} on {}: {} ledger head{} changed, {} witnessed\n",
                        short_hash(*commit), witness_path.string(), changed,
                        changed == 1 ? "" : "s", files.size());
  return hook::k_exit_ok;
}

} // namespace custody::cli

namespace custody::cli {

int verify_against_witness(const ParsedArgs& args, const fs::path& witness, hook::Io& io) {
  auto repo = git::Repo::open(witness);
  auto state = repo ? report::read_witness(*repo) : Result<report::WitnessState>(repo.error());
  if (!state) {
    print_log_error(io.err, "verify", state.error());
    return hook::k_exit_internal_error;
  }
  if (state->commit.empty()) {
    print_log_error(io.err, "verify",
                    make_error(ErrorCode::not_found,
                               fmt::format("the witness {} has no commit on {}", witness.string(),
                                           report::k_witness_ref),
                               "run `custody log witness --to REPO.git --root DIR` first"));
    return hook::k_exit_internal_error;
  }
  std::optional<fs::path> only;
  if (args.has("--ledger") || args.has("--repo")) {
    auto location = locate_ledger(args, io);
    if (!location) {
      print_log_error(io.err, "verify", location.error());
      return hook::k_exit_internal_error;
    }
    only = location->path;
  }
  std::optional<fs::path> public_key;
  if (auto key = args.value("--public-key"))
    public_key = cli_path(*key, io);
  const bool json = args.has("--json");
  util::Json problems = util::Json::array();
  size_t checked = 0;
  for (const auto& [name, entry] : state->entries) {
    if (only && !same_dir(entry.ledger, *only))
      continue;
    ++checked;
    auto problem = report::check_witnessed(entry, public_key);
    if (!problem) {
      print_log_error(io.err, "verify", problem.error());
      return hook::k_exit_internal_error;
    }
    if (!*problem)
      continue;
    problems.push_back({{"repository", entry.repository},
                        {"ledger", entry.ledger},
                        {"witnessed", {{"seq", entry.seq}, {"hash", entry.hash}}},
                        {"message", **problem}});
    if (!json)
      io.err << fmt::format("custody log verify: witness: {}\n", **problem);
  }
  if (only && checked == 0) {
    print_log_error(io.err, "verify",
                    make_error(ErrorCode::not_found,
                               fmt::format("the witness {} names no ledger at {}", witness.string(),
                                           only->string()),
                               "witness it first with `custody log witness`"));
    return hook::k_exit_rejected;
  }
  const size_t bad = problems.size();
  if (json) {
    io.out << util::dump_compact({{"ok", bad == 0},
                                  {"witness", witness.string()},
                                  {"commit", state->commit},
                                  {"time", state->time},
                                  {"checked", checked},
                                  {"problems", problems}})
           << "\n";
    return bad == 0 ? hook::k_exit_ok : hook::k_exit_rejected;
  }
  if (bad > 0) {
    io.err << fmt::format("custody log verify: {} of {} witnessed ledger{} no longer hold{} the "
                          "witnessed head (witness commit {}, {})\n",
                          bad, checked, checked == 1 ? "" : "s", bad == 1 ? "s" : "",
                          short_hash(state->commit), state->time);
    io.err << "hint: restore each ledger from a trusted copy (backup, shipped logs); the "
              "witness's clones keep the heads it recorded\n";
    return hook::k_exit_rejected;
  }
  io.out << fmt::format("witness OK: {} ledger{} hold{} the heads witnessed in commit {} ({})\n",
                        checked, checked == 1 ? "" : "s", checked == 1 ? "s" : "",
                        short_hash(state->commit), state->time);
  return hook::k_exit_ok;
}

} // namespace custody::cli
