// `custody explain RULE`: what any rule id of any check family refuses, where it is on, and how
// to fix a refusal; for trailer rules an example message that passes (checked against the
// effective configuration of the repository in the current directory).
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "families/checks.hpp"
#include "git/repo.hpp"
#include "hook/exit_code.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>

namespace custody::cli {

namespace {

// The docs whose id is `rule`, or whose id without its family prefix is (`dco`, `ai-review`).
std::vector<const policy::RuleDoc*> find_docs(const std::vector<policy::RuleDoc>& docs,
                                              std::string_view rule) {
  std::vector<const policy::RuleDoc*> exact, short_form;
  for (const auto& d : docs) {
    if (d.id == rule)
      exact.push_back(&d);
    else if (size_t dot = d.id.find('.');
             dot != std::string::npos && std::string_view(d.id).substr(dot + 1) == rule)
      short_form.push_back(&d);
  }
  return exact.empty() ? short_form : exact;
}

// The id closest to `rule`, compared in full or without the family prefix as `rule` is given.
std::string closest_id(const std::vector<policy::RuleDoc>& docs, std::string_view rule) {
  const bool prefixed = rule.find('.') != std::string_view::npos;
  std::vector<std::string> names;
  for (const auto& d : docs)
    names.push_back(prefixed ? d.id : d.id.substr(d.id.find('.') + 1));
  const std::string guess = util::closest_match(rule, names);
  for (size_t i = 0; i < names.size() && !guess.empty(); ++i)
    if (names[i] == guess)
      return docs[i].id;
  return "";
}

void print_doc(const policy::RuleDoc& d, std::ostream& out) {
  if (d.text.rfind(d.id, 0) == 0) {
    out << d.text;
    return;
  }
  out << d.id << "\n";
  for (const auto& line : util::split(d.text, '\n'))
    if (!line.empty())
      out << "  " << line << "\n";
}

} // namespace

int cmd_explain(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {});
  auto repo = git::Repo::open(io.cwd);
  std::optional<std::filesystem::path> git_dir;
  if (repo)
    git_dir = repo->git_dir();
  auto loaded = config::load_config(config::load_options_from_env(io.env, git_dir));
  const auto docs =
      families::explain_rules(loaded.config, static_cast<int64_t>(std::time(nullptr)));
  if (!parsed || parsed->has("--help") || parsed->positional().size() != 1) {
    auto& out = parsed && parsed->has("--help") ? io.out : io.err;
    out << "usage: custody explain RULE\n\nrules (with or without the family prefix):\n";
    for (const auto& d : docs)
      out << "  " << d.id << "\n";
    return parsed && parsed->has("--help") ? hook::k_exit_ok : hook::k_exit_usage;
  }
  for (const auto& d : loaded.diagnostics)
    io.err << "warning: " << d.to_string() << "\n";
  const std::string& rule = parsed->positional()[0];
  const auto found = find_docs(docs, rule);
  if (found.size() == 1) {
    print_doc(*found.front(), io.out);
    return hook::k_exit_ok;
  }
  if (found.size() > 1) {
    io.err << fmt::format("custody explain: \"{}\" names several rules:", rule);
    for (const auto* d : found)
      io.err << " " << d->id;
    io.err << " (give one in full)\n";
    return hook::k_exit_usage;
  }
  io.err << fmt::format("custody explain: no rule \"{}\"", rule);
  if (auto guess = closest_id(docs, rule); !guess.empty())
    io.err << fmt::format("; did you mean \"{}\"?", guess);
  io.err << " (`custody explain` lists them)\n";
  return hook::k_exit_usage;
}

} // namespace custody::cli
