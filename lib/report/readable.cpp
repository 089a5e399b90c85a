#include "report/readable.hpp"

#include "report/fields.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::report {

std::string readable_line(std::string_view line) {
  util::Json r;
  try {
    r = util::Json::parse(line);
  } catch (const util::Json::exception&) {
    return "(unreadable record; run `custody log verify`)";
  }
  std::string head = fmt::format("seq {}  {}", text(r, "seq"), text(r, "time"));
  std::string type = text(r, "type");
  if (type == "recovery") {
    const auto& torn = r.contains("torn") ? r["torn"] : util::Json::object();
    return util::printable(fmt::format("{}  recovery: torn bytes kept ({} bytes at byte {})", head,
                                       text(torn, "length"), text(torn, "offset")));
  }
  if (type == "checkpoint")
    return fmt::format("{}  checkpoint signed by key {}", head, text(r, "key"));
  if (type == "outcome") {
    const auto& d =
        r.contains("decision") && r["decision"].is_object() ? r["decision"] : util::Json::object();
    return util::printable(fmt::format("{}  {}  {}  applied ({})", head, text(r, "hook"),
                                       text(r, "ref"),
                                       d.empty() ? std::string("no decision found")
                                                 : fmt::format("decision seq {}", text(d, "seq"))));
  }
  const util::Json& pusher =
      r.contains("pusher") && r["pusher"].is_object() ? r["pusher"] : util::Json::object();
  std::string who = text(pusher, "name");
  if (flag(pusher, "is_agent"))
    who += "[agent]";
  std::string rules;
  for (const auto& v : list(r, "violations"))
    if (v.is_object() && rules.find(text(v, "rule")) == std::string::npos)
      rules += (rules.empty() ? "" : ",") + text(v, "rule");
  // A push that went through only because someone approved a secret-scan bypass must not read
  // like any other accepted push.
  std::string decision = text(r, "decision");
  if (decision == "accepted" && !list(r, "bypasses").empty())
    decision = "accepted (bypass)";
  std::string out =
      fmt::format("{}  {}  {}  {}  {}  {}", head, text(r, "hook"), who.empty() ? "-" : who,
                  text(r, "ref").empty() ? "-" : text(r, "ref"),
                  text(r, "kind").empty() ? type : text(r, "kind"), decision);
  if (!rules.empty())
    out += "  " + rules;
  if (!text(r, "error").empty())
    out += "  (" + text(r, "error") + ")";
  return util::printable(out);
}

} // namespace custody::report
