// check_dry_run(): see check_dry_run.hpp.
#include "cli/check_dry_run.hpp"

#include "cli/args.hpp"
#include "cli/check_env.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "git/revision.hpp"
#include "hook/exit_code.hpp"
#include "identity/agents_config.hpp"
#include "identity/identity.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>
#include <sstream>

namespace custody::cli {

namespace {

// REF as given (a short branch name means refs/heads/<name>), else the branch HEAD names.
Result<std::string> target_ref(const git::Repo& repo, const std::optional<std::string>& ref) {
  if (ref)
    return ref->rfind("refs/", 0) == 0 ? *ref : "refs/heads/" + *ref;
  if (auto head = repo.symbolic_target("HEAD"))
    return *head;
  return make_error(ErrorCode::invalid_input, "HEAD names no branch",
                    "say which ref the commits are judged as: --ref refs/heads/main");
}

// `A..B` → REF moving from A to B; `B` → REF created at B.
Result<refs::RefUpdate> parse_range(const git::Repo& repo, const std::string& spec,
                                    const std::string& ref) {
  const auto dots = spec.find("..");
  if (spec.find("...") != std::string::npos)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("\"{}\": symmetric ranges (A...B) are not supported", spec),
                      "give A..B (the commits B has and A lacks) or a single revision");
  std::string base = dots == std::string::npos ? "" : spec.substr(0, dots);
  std::string tip = dots == std::string::npos ? spec : spec.substr(dots + 2);
  if (dots != std::string::npos && (base.empty() || tip.empty()))
    return make_error(ErrorCode::invalid_input,
                      fmt::format("\"{}\": give both ends of the range (A..B)", spec));
  auto new_oid = git::resolve_commit(repo, tip);
  if (!new_oid)
    return new_oid.error();
  std::string old_oid(new_oid->size(), '0');
  if (!base.empty()) {
    auto resolved = git::resolve_commit(repo, base);
    if (!resolved)
      return resolved.error();
    old_oid = *resolved;
  }
  return refs::RefUpdate{old_oid, *new_oid, ref};
}

// One range through the push pipeline's judge(), on the repository's stored objects.
Result<JudgedRange> judge_range(const config::Config& config, git::Repo& repo,
                                const identity::Pusher& pusher, const util::Environment& env,
                                const refs::RefUpdate& update, std::string spec,
                                std::ostream& notes) {
  policy::PushScope scope(repo, {update}, policy::Objects::stored, false,
                          policy::Baseline::old_value);
  policy::PushContext ctx{config,
                          repo,
                          pusher,
                          hook::HookKind::dry_run,
                          {},
                          env,
                          static_cast<int64_t>(std::time(nullptr)),
                          notes,
                          scope};
  auto judged = hook::judge(ctx, {update});
  if (!judged)
    return judged.error();
  JudgedRange out{std::move(spec), 0, std::move(*judged)};
  if (const auto& introduced = scope.introduced(); introduced)
    out.commits = introduced->commits.size();
  return out;
}

int fail(std::ostream& err, const Error& e) {
  print_command_error(err, "check", e);
  return hook::k_exit_internal_error;
}

} // namespace

int check_dry_run(const DryRunOptions& options, hook::Io& io) {
  // 1. The repository and its effective configuration (embedded → /etc → repo → $CUSTODY_CONFIG).
  auto repo = git::Repo::open(options.repo);
  if (!repo)
    return fail(io.err, repo.error());
  const util::Environment env = offline_env(io.env, repo->git_dir(), "custody-check");
  auto loaded = config::load_config(config::load_options_from_env(env, repo->git_dir()));
  if (!loaded.diagnostics.empty())
    return fail(io.err, make_error(ErrorCode::invalid_config,
                                   "configuration error: " + loaded.diagnostics.front().to_string(),
                                   "`custody config check` lists every problem"));
  const identity::Pusher pusher =
      identity::identify_pusher(env, loaded.config.get<identity::AgentsConfig>());

  // 2. The ref the commits are judged as, and each range as an update of it.
  auto ref = target_ref(*repo, options.ref);
  if (!ref)
    return fail(io.err, ref.error());
  std::vector<std::string> specs = options.ranges;
  if (specs.empty())
    specs.push_back(*ref);

  // 3. Judge each range on its own (one range's base never hides another's commits).
  std::vector<JudgedRange> ranges;
  std::ostringstream notes;
  for (const auto& spec : specs) {
    auto update = parse_range(*repo, spec, *ref);
    if (!update)
      return fail(io.err, update.error());
    auto judged = judge_range(loaded.config, *repo, pusher, env, *update, spec, notes);
    if (!judged)
      return fail(io.err, judged.error());
    ranges.push_back(std::move(*judged));
  }

  // 4. Report; exit 1 when anything would be refused.
  io.err << notes.str();
  if (options.format == Format::json)
    io.out << dry_run_json(repo->git_dir().string(), *ref, ranges).dump(2) << "\n";
  else
    print_dry_run_text(io.out, ranges);
  for (const auto& r : ranges)
    if (r.judged.verdict.refused())
      return hook::k_exit_rejected;
  return hook::k_exit_ok;
}

} // namespace custody::cli
