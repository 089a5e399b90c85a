#include "cli/doctor.hpp"

#include "config/loader.hpp"
#include "git/repo.hpp"
#include "install/host_layout.hpp"
#include "ledger/location.hpp"
#include "ledger/scan.hpp"
#include "report/decision_view.hpp"
#include "report/summary.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace custody::cli {

namespace fs = std::filesystem;

namespace {

struct Report {
  std::vector<Finding> findings;
  void ok(std::string what) { findings.push_back({Severity::ok, std::move(what), {}}); }
  void warn(std::string what, std::string fix) {
    findings.push_back({Severity::warning, std::move(what), std::move(fix)});
  }
  void problem(std::string what, std::string fix) {
    findings.push_back({Severity::problem, std::move(what), std::move(fix)});
  }
};

// True if `path`, followed through every link, is one of custody's hook executables.
bool resolves_to_custody(const fs::path& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec)
    return false;
  fs::path dir = real.parent_path();
  return dir.filename() == "custody" && dir.parent_path().filename() == "libexec";
}

bool exists_or_link(const fs::path& path) {
  std::error_code ec;
  auto status = fs::symlink_status(path, ec);
  return fs::exists(status) || fs::is_symlink(status);
}

bool mentions_custody(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec)))
    return false;
  return fs::read_symlink(path, ec).string().find("custody") != std::string::npos;
}

// Where a host may run `hook` for this repository, with who runs that place.
struct Place {
  fs::path path;
  std::string runner; // "git", "Gitea's wrapper", "GitLab (Gitaly)"
};

std::vector<Place> places_for(const git::Repo& repo, const std::string& hook) {
  const fs::path g = repo.git_dir();
  std::vector<Place> places{{repo.hooks_dir() / hook, "git"}};
  // gitolite's selected-repositories set-up: hooks/<hook> is its multi-hook-driver, which runs
  // every hooks/<hook>.h/* (links to $LOCAL_CODE/hooks/repo-specific/*).
  std::error_code ec;
  if (fs::canonical(repo.hooks_dir() / hook, ec).filename() == "multi-hook-driver")
    for (const auto& entry : fs::directory_iterator(repo.hooks_dir() / (hook + ".h"), ec))
      places.push_back({entry.path(), "gitolite's multi-hook-driver"});
  if (repo.is_bare()) {
    places.push_back({g / "hooks" / (hook + ".d") / install::k_chained_name, "Gitea's wrapper"});
    places.push_back({g / "custom_hooks" / hook, "GitLab (Gitaly)"});
    places.push_back(
        {g / "custom_hooks" / (hook + ".d") / install::k_chained_name, "GitLab (Gitaly)"});
  }
  return places;
}

// Checks one place; returns true if custody is there and git (or the host) will run it.
bool check_place(Report& r, const git::Repo& repo, const Place& place, const std::string& hook) {
  const fs::path& p = place.path;
  if (!exists_or_link(p))
    return false;
  const bool ours = resolves_to_custody(p) || mentions_custody(p);
  if (::access(p.c_str(), X_OK) != 0) {
    std::error_code ec;
    const bool dangling = !fs::exists(p, ec);
    std::string what = dangling ? fmt::format("{} is a link to a missing file", p.string())
                                : fmt::format("{} is not executable", p.string());
    // git and the hosts skip a hook they cannot execute: the push is accepted unchecked.
    if (ours || place.runner == "git")
      r.problem(what + fmt::format(": {} skips it, so pushes are accepted unchecked (fails open)",
                                   place.runner),
                dangling ? "reinstall custody (`custody install ...`), or remove the link"
                         : fmt::format("chmod +x {}", p.string()));
    return false;
  }
  if (!ours)
    return false;
  if (place.runner == "Gitea's wrapper") {
    const fs::path wrapper = repo.git_dir() / "hooks" / hook;
    std::string text;
    if (FILE* f = std::fopen(wrapper.c_str(), "r")) {
      char buf[4096];
      size_t n = std::fread(buf, 1, sizeof buf, f);
      text.assign(buf, n);
      std::fclose(f);
    }
    // Gitea's wrapper loops over ${GIT_DIR}/hooks/${hookname}.d/*.
    if (text.find(".d/") == std::string::npos || ::access(wrapper.c_str(), X_OK) != 0) {
      r.problem(fmt::format("{} is installed, but {} is not Gitea's wrapper that runs {}.d/*, so "
                            "custody never runs",
                            p.string(), wrapper.string(), hook),
                "in Gitea: Site Administration > Dashboard > \"Resynchronize git hooks of all "
                "repositories\"; or install with --repo instead");
      return false;
    }
  }
  r.ok(fmt::format("{}: {} -> {} (run by {})", hook, p.string(), fs::canonical(p).string(),
                   place.runner));
  return true;
}

std::string head_of(const fs::path& file) {
  std::string text;
  if (FILE* f = std::fopen(file.c_str(), "r")) {
    char buf[4096];
    text.assign(buf, std::fread(buf, 1, sizeof buf, f));
    std::fclose(f);
  }
  return text;
}

// A commit-msg hook written by the pre-commit framework (`pre-commit install --hook-type
// commit-msg`) runs custody when .pre-commit-config.yaml names the custody-trailers hook.
bool check_pre_commit_framework(Report& r, const git::Repo& repo) {
  const fs::path hook = repo.hooks_dir() / "commit-msg";
  const std::string text = head_of(hook);
  if (text.find("pre-commit") == std::string::npos ||
      (text.find("hook-impl") == std::string::npos &&
       text.find("INSTALL_PYTHON") == std::string::npos))
    return false;
  fs::path git_dir = repo.git_dir();
  if (!git_dir.has_filename()) // libgit2 gives "work/.git/"
    git_dir = git_dir.parent_path();
  const fs::path config = git_dir.parent_path() / ".pre-commit-config.yaml";
  if (head_of(config).find("custody-trailers") == std::string::npos) {
    r.problem(fmt::format("{} is the pre-commit framework's, but {} does not list the "
                          "custody-trailers hook",
                          hook.string(), config.string()),
              "add custody's repository with `- id: custody-trailers` (docs/hosts/"
              "developer-machines.md)");
    return true; // reported; not "no hook"
  }
  if (::access(hook.c_str(), X_OK) != 0) {
    r.problem(fmt::format("{} is not executable: git skips it", hook.string()),
              fmt::format("chmod +x {}", hook.string()));
    return true;
  }
  r.ok(fmt::format("commit-msg: {} (the pre-commit framework) runs custody-trailers from {}",
                   hook.string(), config.string()));
  return true;
}

// Returns true when custody runs from the repository's own hooks directory (a plain set-up,
// where custody manages receive.advertisePushOptions itself).
bool check_hooks(Report& r, const git::Repo& repo) {
  if (!repo.is_bare()) {
    bool found = false;
    for (const auto& place : places_for(repo, "commit-msg"))
      found = check_place(r, repo, place, "commit-msg") || found;
    if (!found)
      found = check_pre_commit_framework(r, repo);
    if (!found)
      r.problem("no custody commit-msg hook in this work tree",
                fmt::format("custody install --repo {}", repo.git_dir().parent_path().string()));
    return false;
  }
  bool pre_receive = false, update = false, plain = false;
  for (const auto& hook : {"pre-receive", "update"}) {
    for (const auto& place : places_for(repo, hook)) {
      if (!check_place(r, repo, place, hook))
        continue;
      (std::string(hook) == "pre-receive" ? pre_receive : update) = true;
      plain = plain || place.runner == "git";
    }
  }
  const bool gitolite_update = exists_or_link(repo.git_dir() / "hooks" / "update") &&
                               !resolves_to_custody(repo.git_dir() / "hooks" / "update") &&
                               fs::exists(repo.git_dir() / "gl-conf");
  if (!pre_receive && !update)
    r.problem("no custody pre-receive or update hook that git or the host will run",
              fmt::format("custody install --repo {} (or --gitea/--gitlab/--gitolite; see "
                          "`custody install --help`)",
                          repo.git_dir().string()));
  else if (!pre_receive)
    r.warn("only the update hook is installed: it runs after git has stored the pushed objects, "
           "so a push refused for a secret still leaves the secret's blob on the server",
           fmt::format("custody install --repo {} --hook pre-receive", repo.git_dir().string()));
  if (gitolite_update)
    r.ok("gitolite's own update hook is in place (custody leaves it alone)");
  const fs::path backup = repo.hooks_dir() / "pre-receive.pre-custody";
  if (exists_or_link(backup))
    r.warn(fmt::format("{} was moved aside by `custody install --force` and no longer runs",
                       backup.string()),
           "chain it from a wrapper if it is still needed, or delete it");
  return plain;
}

void check_config(Report& r, const git::Repo& repo, const util::Environment& env,
                  config::LoadResult& loaded) {
  loaded = config::load_config(config::load_options_from_env(env, repo.git_dir()));
  if (loaded.diagnostics.empty()) {
    std::string layers;
    for (const auto& layer : loaded.config.layers)
      layers += (layers.empty() ? "" : ", ") + layer;
    r.ok("configuration is valid (" + layers + ")");
    return;
  }
  for (const auto& d : loaded.diagnostics)
    r.problem("configuration: " + d.to_string(),
              fmt::format("fix the file (`custody config check {}`); until then every push is "
                          "refused",
                          d.file));
}

void check_ledger(Report& r, const git::Repo& repo, const config::Config& config) {
  const auto options = ledger::locate(config.get<ledger::LedgerConfig>(), repo.git_dir());
  std::error_code ec;
  fs::path probe = options.path;
  bool writable = false;
  if (fs::exists(probe, ec)) {
    writable = ::access(probe.c_str(), W_OK) == 0;
  } else {
    probe = probe.parent_path();
    while (!probe.empty() && !fs::exists(probe, ec) && probe != probe.parent_path())
      probe = probe.parent_path();
    writable = ::access(probe.c_str(), W_OK | X_OK) == 0;
  }
  if (writable)
    r.ok(fmt::format("ledger {} is writable (uid {})", options.path.string(), ::geteuid()));
  else
    r.problem(fmt::format("ledger {} is not writable by uid {} ({} denies it): every push would "
                          "be refused",
                          options.path.string(), ::geteuid(), probe.string()),
              fmt::format("give the user the git server runs hooks as write access to {}",
                          probe.string()));
  if (!options.signing_key.empty() && ::access(options.signing_key.c_str(), R_OK) != 0)
    r.problem(fmt::format("ledger signing key {} is not readable", options.signing_key.string()),
              "fix ledger.signing_key or the key file's permissions");
  struct stat st {};
  if (::stat(repo.git_dir().c_str(), &st) == 0 && st.st_uid != ::geteuid())
    r.warn(fmt::format("the repository is owned by uid {}, this check ran as uid {}", st.st_uid,
                       ::geteuid()),
           "run `custody doctor` as the user the git server runs hooks as (e.g. `sudo -u git`)");
}

// Hosts (Gitea, GitLab) manage this setting themselves: only a plain set-up must have it.
void check_push_options(Report& r, const git::Repo& repo, bool plain) {
  if (!repo.is_bare())
    return;
  auto value = repo.config_string("receive.advertisePushOptions");
  if (value && (*value == "true" || *value == "1" || *value == "yes" || *value == "on"))
    r.ok("receive.advertisePushOptions=true (push options reach the hook)");
  else {
    std::string what = "receive.advertisePushOptions is not true: `git push -o ...` fails and "
                       "push options never reach the hook";
    std::string fix = fmt::format("git --git-dir={} config receive.advertisePushOptions true "
                                  "(Gitea and GitLab set it in their own git configuration)",
                                  repo.git_dir().string());
    if (plain)
      r.problem(std::move(what), std::move(fix));
    else
      r.warn(std::move(what), std::move(fix));
  }
}

// Signed pushes need a nonce seed (custody install sets one).
void check_push_certificates(Report& r, const git::Repo& repo) {
  if (!repo.is_bare())
    return;
  if (repo.config_string("receive.certNonceSeed"))
    r.ok("receive.certNonceSeed is set (git push --signed works; docs/review-assurance.md)");
  else
    r.warn("receive.certNonceSeed is not set: `git push --signed` is refused, so no push can be "
           "proven `signed`",
           fmt::format("custody install --repo {} (or git config receive.certNonceSeed "
                       "<random text>)",
                       repo.git_dir().string()));
}

// How much of the reviewed AI-assisted history is only claimed (docs/review-assurance.md).
void check_review_assurance(Report& r, const git::Repo& repo, const config::Config& config) {
  const auto options = ledger::locate(config.get<ledger::LedgerConfig>(), repo.git_dir());
  report::Summary summary(report::Period::month);
  auto scanned = ledger::scan_records(options.path, [&](const ledger::RecordRef& rec) {
    if (auto d = report::read_decision(rec.text))
      summary.add(*d);
    return true;
  });
  const auto& t = summary.totals();
  if (!scanned || t.ai_commits_protected_reviewed == 0)
    return;
  auto it = t.ai_reviewed_by_assurance.find("claimed");
  const uint64_t claimed = it == t.ai_reviewed_by_assurance.end() ? 0 : it->second;
  std::string what = fmt::format("AI-assisted commits on protected refs: {}, reviewed: {} ({}); "
                                 "{} only claimed by a trailer",
                                 t.ai_commits_protected, t.ai_commits_protected_reviewed,
                                 t.assurance_text(), claimed);
  if (claimed == 0)
    r.ok(std::move(what));
  else
    r.warn(std::move(what), "register reviewers and their keys in [[people]] and raise "
                            "[trailers] min_review_assurance (docs/review-assurance.md)");
}

void check_git_version(Report& r) {
  std::string out;
  if (FILE* p = ::popen("git --version 2>/dev/null", "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p))
      out += buf;
    ::pclose(p);
  }
  int major = 0, minor = 0;
  if (std::sscanf(out.c_str(), "git version %d.%d", &major, &minor) != 2) {
    r.problem("cannot run `git --version`", "install git (Debian: apt install git)");
    return;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  if (major < 2 || (major == 2 && minor < 11))
    r.problem(out + ": older than 2.11, which has no push quarantine (refused objects stay)",
              "upgrade git");
  else if (major == 2 && minor < 39)
    r.warn(out + ": custody is tested with git 2.39", "upgrade git to 2.39 or later");
  else
    r.ok(out);
}

} // namespace

std::vector<Finding> run_doctor(const fs::path& repo_path, const util::Environment& env) {
  Report r;
  auto repo = git::Repo::open(repo_path);
  struct stat st {};
  if (!repo && ::stat(repo_path.c_str(), &st) == 0 && st.st_uid != ::geteuid()) {
    // libgit2's ownership check: the cause is who runs doctor, not a missing safe.directory.
    const passwd* owner = ::getpwuid(st.st_uid);
    std::string name = owner ? owner->pw_name : std::to_string(st.st_uid);
    r.problem(fmt::format("cannot open {}: it is owned by {} (uid {}) and doctor runs as uid {}",
                          repo_path.string(), name, st.st_uid, ::geteuid()),
              fmt::format("run doctor as the user the git server runs hooks as: sudo -u {} "
                          "custody doctor --repo {}",
                          name, repo_path.string()));
    return r.findings;
  }
  if (!repo) {
    r.problem("cannot open " + repo_path.string() + ": " + repo.error().message,
              "pass a repository (bare, or a work tree) to --repo");
    return r.findings;
  }
  const bool plain = check_hooks(r, *repo);
  config::LoadResult loaded;
  check_config(r, *repo, env, loaded);
  if (repo->is_bare()) {
    check_ledger(r, *repo, loaded.config);
    check_review_assurance(r, *repo, loaded.config);
  }
  check_push_options(r, *repo, plain);
  check_push_certificates(r, *repo);
  check_git_version(r);
  return r.findings;
}

} // namespace custody::cli
