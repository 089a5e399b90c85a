#include "hook/render.hpp"

#include "identity/host_env.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::hook {

namespace {

class Printer {
public:
  Printer(std::ostream& out, const RenderOptions& options) : m_out(out), m_options(options) {}
  void line(const std::string& text) {
    m_out << (m_options.gitlab ? "GL-HOOK-ERR: " : "") << "custody: " << util::printable(text)
          << '\n';
  }
  // git colours a `warning:` at the start of a remote line; GitLab shows GL-HOOK-ERR lines only
  // on refusal, so warnings carry no prefix there.
  void warning(const std::string& text) {
    m_out << "warning: custody: " << util::printable(text) << '\n';
  }

private:
  std::ostream& m_out;
  const RenderOptions& m_options;
};

} // namespace

RenderOptions render_options_for(const util::Environment& env, HookKind hook) {
  return RenderOptions{identity::under_gitlab_shell(env), hook == HookKind::pre_receive,
                       hook == HookKind::mirror_check ? "fetched updates violate policy"
                                                      : "push rejected"};
}

namespace {

void location(Printer& p, const policy::Violation& v) {
  if (v.commit.empty() && v.path.empty())
    return;
  std::string where = v.commit.empty() ? "" : "commit " + v.commit.substr(0, 12);
  if (!v.path.empty())
    where += fmt::format("{}{}{}", where.empty() ? "" : ", ", v.path,
                         v.line > 0 ? fmt::format(":{}", v.line) : "");
  p.line("  at " + where);
}

void rejection(Printer& p, const std::vector<RefDecision>& decisions,
               const policy::Verdict& verdict, const RenderOptions& options) {
  p.line(fmt::format("{}: {} problem{} in {} ref{}", options.headline, verdict.refusing,
                     verdict.refusing == 1 ? "" : "s", verdict.refused_refs,
                     verdict.refused_refs == 1 ? "" : "s"));
  for (const auto& d : decisions) {
    for (const auto& v : d.violations) {
      if (!policy::refuses(v))
        continue;
      p.line(fmt::format("{}: {} [{}, SOC 2 {}]", v.ref, v.message, v.rule, v.control));
      location(p, v);
      for (const auto& hint : v.hints)
        p.line("  fix: " + hint);
    }
  }
  if (options.whole_push && decisions.size() > verdict.refused_refs)
    p.line("the other refs in this push were not updated either: pre-receive accepts or rejects a "
           "push as a whole");
}

} // namespace

void render_verdict(std::ostream& err, const std::vector<RefDecision>& decisions,
                    const policy::Verdict& verdict, const RenderOptions& options) {
  Printer p(err, options);
  if (verdict.refused())
    rejection(p, decisions, verdict, options);
  for (const auto& d : decisions)
    for (const auto& v : d.violations) {
      if (policy::refuses(v))
        continue;
      if (v.bypassed)
        p.line(fmt::format("bypassed (ruleset \"{}\"): {}: {} [{}]", v.ruleset, v.ref, v.message,
                           v.rule));
      else
        p.warning(fmt::format("ruleset \"{}\" (evaluate) would refuse {}: {} [{}, SOC 2 {}]",
                              v.ruleset, v.ref, v.message, v.rule, v.control));
    }
}

void render_failure(std::ostream& err, const Error& error, const RenderOptions& options) {
  Printer p(err, options);
  p.line(error.message);
  if (!error.hint.empty())
    p.line("  hint: " + error.hint);
}

} // namespace custody::hook
