#include "report/decision_view.hpp"

#include "report/json_scan.hpp"

#include <algorithm>

namespace custody::report {

namespace {

std::string tool_of(std::string_view raw) {
  if (!raw.empty() && raw[0] == '{') {
    auto obj = ObjectScan::scan(raw);
    if (!obj)
      return "";
    std::string name = obj->text("name");
    std::string version = obj->text("version");
    return version.empty() ? name : name + " " + version;
  }
  return value_text(raw);
}

std::string people_of(const ObjectScan& commit) {
  auto raw = commit.raw("reviewers");
  if (!raw || raw->empty() || (*raw)[0] != '[')
    return raw ? value_text(*raw) : "";
  std::string out;
  commit.each("reviewers", [&](std::string_view person) {
    std::string one;
    if (!person.empty() && person[0] == '{') {
      if (auto p = ObjectScan::scan(person)) {
        one = p->text("name");
        if (!p->text("email").empty())
          one += " <" + p->text("email") + ">";
      }
    } else {
      one = value_text(person);
    }
    if (!one.empty())
      out += out.empty() ? one : "; " + one;
  });
  return out;
}

// The strongest assurance among the commit's reviewers.
std::string assurance_of(const ObjectScan& commit) {
  static const std::vector<std::string> k_levels = {"claimed", "platform", "pusher", "signed"};
  auto raw = commit.raw("reviewers");
  if (!raw || raw->empty() || (*raw)[0] != '[')
    return "";
  int best = -1;
  commit.each("reviewers", [&](std::string_view person) {
    int level = 0;
    if (!person.empty() && person[0] == '{')
      if (auto p = ObjectScan::scan(person)) {
        auto it = std::find(k_levels.begin(), k_levels.end(), p->text("assurance"));
        level = it == k_levels.end() ? 0 : static_cast<int>(it - k_levels.begin());
      }
    best = std::max(best, level);
  });
  return best < 0 ? "" : k_levels[static_cast<size_t>(best)];
}

} // namespace

std::optional<DecisionView> read_decision(std::string_view line) {
  auto r = ObjectScan::scan(line);
  if (!r)
    return std::nullopt;
  auto decision = r->raw("decision");
  if (!decision || decision->empty() || (*decision)[0] != '"')
    return std::nullopt;
  DecisionView v;
  v.type = r->text("type");
  v.time = r->text("time");
  v.repo = r->text("repo");
  v.hook = r->text("hook");
  v.push_id = r->text("push_id");
  v.ref = r->text("ref");
  v.kind = r->text("kind");
  v.decision = value_text(*decision);
  v.error = r->text("error");
  v.is_protected = r->flag("protected");
  v.node = r->text("node");
  v.repo_id = r->text("repo_id");
  v.config_digest = r->text("config_digest");
  v.secrets_scanned = r->raw("secrets_scan").has_value();
  if (auto p = r->raw("pusher"); p && !p->empty() && (*p)[0] == '{') {
    if (auto pusher = ObjectScan::scan(*p)) {
      v.pusher = pusher->text("name");
      v.pusher_source = pusher->text("source");
      v.pusher_is_agent = pusher->flag("is_agent");
    }
  }
  r->each("commits", [&](std::string_view raw) {
    auto c = ObjectScan::scan(raw);
    if (!c)
      return;
    auto tool = c->raw("ai_tool");
    v.commits.push_back({c->text("id"), c->text("author"), tool ? tool_of(*tool) : "",
                         people_of(*c), c->text("review_date"), c->text("verdict"),
                         assurance_of(*c)});
  });
  r->each("violations", [&](std::string_view raw) {
    auto x = ObjectScan::scan(raw);
    if (!x)
      return;
    ViolationView view{
        x->text("rule"), x->text("control"), x->text("commit"), x->text("message"), {}};
    x->each("rules", [&](std::string_view rule) { view.rules.push_back(value_text(rule)); });
    if (view.rules.empty())
      view.rules.push_back(view.rule);
    v.violations.push_back(std::move(view));
  });
  r->each("would_reject", [&](std::string_view raw) {
    if (auto x = ObjectScan::scan(raw))
      v.would_reject.push_back(
          {x->text("rule"), x->text("ruleset"), x->text("ref"), x->text("commit")});
  });
  r->each("findings", [&](std::string_view raw) {
    if (auto x = ObjectScan::scan(raw))
      v.findings.push_back({x->text("rule"), x->text("commit"), x->text("path"), x->text("line"),
                            x->text("fingerprint"), x->text("redacted")});
  });
  r->each("bypasses", [&](std::string_view raw) {
    if (auto x = ObjectScan::scan(raw))
      v.bypasses.push_back({x->text("fingerprint"), x->text("reason"), x->text("by")});
  });
  return v;
}

} // namespace custody::report
