// text_report(), json_report(), sarif_report(): see scan_report.hpp.
#include "secrets/scan_report.hpp"

#include <fmt/format.h>

#include <map>

namespace custody::secrets {

namespace {

// SARIF's levels: a block-tier finding refuses a push (error), a warn-tier one does not.
std::string sarif_level(Tier t) {
  return t == Tier::warn ? "warning" : "error";
}

} // namespace

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

std::string text_report(const std::vector<LocatedFinding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out +=
        fmt::format("{}:{}:{}: {}{}: {}: {} (fingerprint {}, commit {})\n", printable(f.path),
                    f.finding.line, f.finding.column, f.finding.rule,
                    f.finding.tier == Tier::warn ? " (warn)" : "", printable(f.finding.description),
                    printable(f.finding.redacted), f.finding.fingerprint, f.commit.substr(0, 12));
  return out;
}

util::Json json_report(const std::vector<LocatedFinding>& findings) {
  util::Json out = util::Json::array();
  for (const auto& f : findings) {
    util::Json j = {{"rule", f.finding.rule},
                    {"description", f.finding.description},
                    {"control", f.finding.control},
                    {"tier", std::string(tier_name(f.finding.tier))},
                    {"commit", f.commit},
                    {"path", f.path},
                    {"line", f.finding.line},
                    {"column", f.finding.column},
                    {"blob", f.blob},
                    {"fingerprint", f.finding.fingerprint},
                    {"redacted", f.finding.redacted}};
    if (!f.finding.decoded.empty())
      j["decoded"] = f.finding.decoded;
    out.push_back(std::move(j));
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

util::Json sarif_report(const std::vector<LocatedFinding>& findings,
                        std::string_view tool_version) {
  util::Json rules = util::Json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& f : findings) {
    if (rule_index.count(f.finding.rule))
      continue;
    rule_index[f.finding.rule] = rules.size();
    rules.push_back(
        {{"id", f.finding.rule},
         {"name", f.finding.rule},
         {"shortDescription", {{"text", f.finding.description}}},
         {"defaultConfiguration", {{"level", sarif_level(f.finding.tier)}}},
         {"properties", {{"tags", {"security", "secret"}}, {"control", f.finding.control}}}});
  }
  util::Json results = util::Json::array();
  for (const auto& f : findings) {
    // No startColumn: SARIF counts columns in UTF-16 code units, the engine in bytes.
    util::Json region = {{"startLine", std::max(1, f.finding.line)}};
    results.push_back(
        {{"ruleId", f.finding.rule},
         {"ruleIndex", rule_index[f.finding.rule]},
         {"level", sarif_level(f.finding.tier)},
         {"message",
          {{"text", fmt::format("possible secret: {} ({}, fingerprint {})", f.finding.description,
                                f.finding.redacted, f.finding.fingerprint)}}},
         {"locations",
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", path_to_uri(f.path)}}}, {"region", region}}}}}},
         {"partialFingerprints", {{"custodySecretFingerprint/v1", f.finding.fingerprint}}},
         {"properties",
          {{"commit", f.commit},
           {"blob", f.blob},
           {"redacted", f.finding.redacted},
           {"control", f.finding.control}}}});
  }
  util::Json driver = {
      {"name", "custody"}, {"version", std::string(tool_version)}, {"rules", rules}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {{{"tool", {{"driver", driver}}}, {"results", results}}}}};
}

} // namespace custody::secrets
