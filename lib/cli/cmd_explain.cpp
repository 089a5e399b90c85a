// `custody explain RULE`: what a trailer rule requires and an example message that passes it
// (checked against the effective configuration of the repository in the current directory).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "schema/explain.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>

namespace custody::cli {

int cmd_explain(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {});
  auto repo = git::Repo::open(io.cwd);
  std::optional<std::filesystem::path> git_dir;
  if (repo)
    git_dir = repo->git_dir();
  auto loaded = config::load_config(config::load_options_from_env(io.env, git_dir));
  auto rules = schema::explainable_rules(loaded.config);
  if (!parsed || parsed->has("--help") || parsed->positional().size() != 1) {
    auto& out = parsed && parsed->has("--help") ? io.out : io.err;
    out << "usage: custody explain RULE\n\nrules:\n";
    for (const auto& r : rules)
      out << "  " << r << "\n";
    return parsed && parsed->has("--help") ? hook::k_exit_ok : hook::k_exit_usage;
  }
  for (const auto& d : loaded.diagnostics)
    io.err << "warning: " << d.to_string() << "\n";
  const std::string& rule = parsed->positional()[0];
  if (auto text =
          schema::explain_rule(loaded.config, rule, static_cast<int64_t>(std::time(nullptr)))) {
    io.out << *text;
    return hook::k_exit_ok;
  }
  io.err << fmt::format("custody explain: no rule \"{}\"", rule);
  std::string wanted = rule.rfind("trailers.", 0) == 0 ? rule : "trailers." + rule;
  if (auto guess = util::closest_match(wanted, rules); !guess.empty())
    io.err << fmt::format("; did you mean \"{}\"?", guess);
  io.err << " (`custody explain` lists them)\n";
  return hook::k_exit_usage;
}

} // namespace custody::cli
