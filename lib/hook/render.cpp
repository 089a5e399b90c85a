#include "hook/render.hpp"

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

private:
  std::ostream& m_out;
  const RenderOptions& m_options;
};

} // namespace

RenderOptions render_options_for(const util::Environment& env, HookKind hook) {
  return RenderOptions{env.get_nonempty("GL_ID").has_value(), hook == HookKind::pre_receive,
                       hook == HookKind::mirror_check ? "fetched updates violate policy"
                                                      : "push rejected"};
}

void render_rejection(std::ostream& err, const std::vector<RefDecision>& decisions,
                      const RenderOptions& options) {
  size_t problems = 0, bad_refs = 0;
  for (const auto& d : decisions) {
    problems += d.violations.size();
    bad_refs += d.violations.empty() ? 0 : 1;
  }
  if (problems == 0)
    return;
  Printer p(err, options);
  p.line(fmt::format("{}: {} problem{} in {} ref{}", options.headline, problems,
                     problems == 1 ? "" : "s", bad_refs, bad_refs == 1 ? "" : "s"));
  for (const auto& d : decisions) {
    for (const auto& v : d.violations) {
      p.line(fmt::format("{}: {} [{}, SOC 2 {}]", v.ref, v.message, v.rule, v.control));
      if (!v.commit.empty() || !v.path.empty()) {
        std::string where = v.commit.empty() ? "" : "commit " + v.commit.substr(0, 12);
        if (!v.path.empty())
          where += fmt::format("{}{}{}", where.empty() ? "" : ", ", v.path,
                               v.line > 0 ? fmt::format(":{}", v.line) : "");
        p.line("  at " + where);
      }
      for (const auto& hint : v.hints)
        p.line("  fix: " + hint);
    }
  }
  if (options.whole_push && decisions.size() > bad_refs)
    p.line("the other refs in this push were not updated either: pre-receive accepts or rejects a "
           "push as a whole");
}

void render_failure(std::ostream& err, const Error& error, const RenderOptions& options) {
  Printer p(err, options);
  p.line(error.message);
  if (!error.hint.empty())
    p.line("  hint: " + error.hint);
}

} // namespace custody::hook
