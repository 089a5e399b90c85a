#include "cli/install_plan.hpp"

#include "git/repo.hpp"

#include <fmt/format.h>

#include <array>

namespace custody::cli {

namespace fs = std::filesystem;
using install::Host;

namespace {

struct ModeOption {
  const char* option;
  Host host;
};

constexpr std::array<ModeOption, 6> k_modes = {{{"--repo", Host::plain},
                                                {"--gitea", Host::gitea},
                                                {"--gitlab", Host::gitlab},
                                                {"--gitlab-global", Host::gitlab_global},
                                                {"--gitolite", Host::gitolite},
                                                {"--hooks-path", Host::hooks_path}}};

Error usage(std::string message) {
  return make_error(ErrorCode::invalid_input, std::move(message));
}

Status check_hook(Host host, const std::string& hook) {
  const bool server = hook == "pre-receive" || hook == "update" || hook == "post-receive";
  if (hook != "commit-msg" && !server)
    return usage(fmt::format(
        "unknown hook \"{}\"; choose pre-receive, update, post-receive or commit-msg", hook));
  if (host == Host::gitolite && hook == "update")
    return make_error(ErrorCode::invalid_input,
                      "gitolite owns the update hook (its access rules and VREFs run there); "
                      "custody will not replace it",
                      "install pre-receive (the default), or run custody as a VREF: see "
                      "docs/hosts/gitolite.md");
  if (host != Host::plain && host != Host::hooks_path && !server)
    return usage(fmt::format("{} runs only server hooks; choose pre-receive or update", hook));
  return ok_status();
}

// Gitea and GitLab: one repository or every repository under a root.
Result<std::vector<fs::path>> repositories_under(const std::string& option, const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec))
    return usage(fmt::format("{} {}: not a directory", option, root.string()));
  auto repos = install::find_bare_repositories(fs::absolute(root).lexically_normal());
  if (repos.empty())
    return make_error(ErrorCode::not_found,
                      fmt::format("no bare repositories under {}", root.string()),
                      "pass the host's repository root (Gitea: [repository] ROOT; GitLab: the "
                      "storage path, e.g. /var/opt/gitlab/git-data/repositories) or one *.git");
  return repos;
}

} // namespace

std::vector<OptionSpec> install_option_specs() {
  std::vector<OptionSpec> specs{{"--hook", true},           {"--force", false},
                                {"--repo-specific", false}, {"--rsyslog", true},
                                {"--rsyslog-conf", true},   {"--ledger-glob", true},
                                {"--no-outcomes", false}};
  for (const auto& m : k_modes)
    specs.push_back({m.option, true});
  return specs;
}

Result<InstallPlan> make_install_plan(const ParsedArgs& args) {
  const ModeOption* mode = nullptr;
  for (const auto& m : k_modes) {
    if (!args.has(m.option))
      continue;
    if (mode)
      return usage(fmt::format("{} and {} are different modes; give one", mode->option, m.option));
    mode = &m;
  }
  if (!mode)
    return usage("say where to install: --repo, --gitea, --gitlab, --gitlab-global, --gitolite "
                 "or --hooks-path");
  const fs::path base = *args.value(mode->option);
  InstallPlan plan;
  plan.host = mode->host;
  if (args.has("--repo-specific")) {
    if (plan.host != Host::gitolite)
      return usage("--repo-specific goes with --gitolite");
    plan.host = Host::gitolite_repo_specific;
  }
  auto hook_or = [&](std::string fallback) { return args.value("--hook").value_or(fallback); };

  switch (plan.host) {
  case Host::plain: {
    auto repo = git::Repo::open(base);
    if (!repo)
      return repo.error();
    plan.hook = hook_or(repo->is_bare() ? "pre-receive" : "commit-msg");
    plan.targets.push_back({repo->hooks_dir(), plan.hook, plan.hook});
    if (repo->is_bare() && plan.hook != "commit-msg")
      plan.bare_repos.push_back(repo->git_dir());
    break;
  }
  case Host::gitea:
  case Host::gitlab: {
    plan.hook = hook_or("pre-receive");
    auto repos = repositories_under(mode->option, base);
    if (!repos)
      return repos.error();
    for (const auto& repo : *repos) {
      plan.targets.push_back(install::hook_target(plan.host, repo, plan.hook));
      if (plan.host == Host::gitea &&
          !fs::exists(repo / "hooks" / plan.hook) /* Gitea's generated wrapper */)
        plan.notes.push_back(fmt::format(
            "warning: {} has no hooks/{} wrapper, so Gitea will not run hooks/{}.d/: run the "
            "admin task \"Resynchronize git hooks of all repositories\"",
            repo.string(), plan.hook, plan.hook));
    }
    if (plan.host == Host::gitlab)
      plan.notes.push_back("GitLab: with Gitaly Cluster (Praefect), repeat this on every Gitaly "
                           "node; newer GitLab prefers `gitaly hooks set` (docs/hosts/gitlab.md)");
    break;
  }
  case Host::gitlab_global:
    plan.hook = hook_or("pre-receive");
    plan.targets.push_back(install::hook_target(plan.host, base, plan.hook));
    plan.notes.push_back(fmt::format(
        "GitLab: {} must be Gitaly's custom_hooks_dir (gitlab.rb: "
        "gitaly['configuration'][:hooks][:custom_hooks_dir]); run `gitlab-ctl reconfigure` after "
        "setting it",
        base.string()));
    break;
  case Host::gitolite:
    plan.hook = hook_or("pre-receive");
    plan.targets.push_back(install::hook_target(plan.host, base, plan.hook));
    plan.notes.push_back(
        "gitolite: as the gitolite user, make sure LOCAL_CODE in ~/.gitolite.rc points at " +
        base.string() +
        ", then run `gitolite setup --hooks-only` to link the hook into every "
        "repository");
    break;
  case Host::gitolite_repo_specific:
    plan.hook = hook_or("pre-receive");
    plan.targets.push_back(install::hook_target(plan.host, base, plan.hook));
    plan.notes.push_back(fmt::format(
        "gitolite: enable 'repo-specific-hooks' in ~/.gitolite.rc (ENABLE list), then add "
        "`option hook.{} = {}` to each repository in gitolite.conf and push gitolite-admin",
        plan.hook, plan.targets.back().name));
    break;
  case Host::hooks_path:
    plan.hook = hook_or("commit-msg");
    plan.targets.push_back({fs::absolute(base).lexically_normal(), plan.hook, plan.hook});
    plan.notes.push_back(fmt::format(
        "core.hooksPath: point git at it with `git config --global core.hooksPath {}` (or "
        "--system, or per repository); it replaces .git/hooks entirely",
        plan.targets.back().dir.string()));
    break;
  }
  if (auto ok = check_hook(plan.host, plan.hook); !ok)
    return ok.error();
  // A decision is not an outcome: git (or the host) can still refuse a ref custody accepted.
  // post-receive records the refs that moved (docs/ledger.md, "Outcomes").
  if ((plan.hook == "pre-receive" || plan.hook == "update") && !args.has("--no-outcomes"))
    for (const auto& target : plan.targets) {
      switch (plan.host) {
      case Host::plain:
      case Host::hooks_path:
      case Host::gitolite: // gitolite's common hooks: it runs no post-receive of its own
        plan.outcome_targets.push_back({target.dir, "post-receive", "post-receive"});
        break;
      case Host::gitea: // hooks/post-receive.d/, custom_hooks/post-receive.d/
      case Host::gitlab:
      case Host::gitlab_global:
        plan.outcome_targets.push_back(
            {target.dir.parent_path() / "post-receive.d", target.name, "post-receive"});
        break;
      case Host::gitolite_repo_specific: // one option per hook: docs/hosts/gitolite.md
        break;
      }
    }
  return plan;
}

} // namespace custody::cli
