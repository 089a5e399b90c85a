// Recall and precision of the builtin rules on a labelled corpus of realistic files
// (test/data/secrets/: credentials in context, and decoys that naive scanners flag). Goals from
// issues 4 and 12: recall >= 98%, precision >= 98%, and no block-tier finding on a line that
// holds no secret (a push of only the decoys is accepted). Prints the figures, every miss and
// every false alarm, so a regression says which rule and which line.
#include "secrets/rule_set.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace custody::secrets;
namespace fs = std::filesystem;

namespace {

const fs::path k_corpus = fs::path(CUSTODY_SOURCE_DIR) / "test/data/secrets";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool family_matches(const std::string& families, const std::string& rule) {
  std::stringstream s(families);
  std::string family;
  while (std::getline(s, family, '|'))
    if (rule.rfind(family, 0) == 0)
      return true;
  return false;
}

struct Hit {
  std::string rule;
  std::string redacted;
  Tier tier;
};

} // namespace

TEST(CorpusQuality, RecallAndPrecisionOfTheBuiltinRules) {
  SecretsConfig config;
  auto loaded = load_engine(config);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Engine& engine = loaded->engine;

  auto labels = nlohmann::json::parse(read_file(k_corpus / "labels.json"));
  // "file:line" → rules that fired there.
  std::map<std::string, std::vector<Hit>> hits;
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(k_corpus / "files")) {
    if (!entry.is_regular_file())
      continue;
    ++files;
    const std::string path = fs::relative(entry.path(), k_corpus / "files").generic_string();
    ScanResult r = engine.scan(read_file(entry.path()), path);
    for (const auto& f : r.findings)
      if (!f.silenced_by_marker) // a marked fixture: recorded at push time, not reported
        hits[path + ":" + std::to_string(f.line)].push_back({f.rule, f.redacted, f.tier});
  }

  size_t found = 0;
  std::set<std::string> positive_lines;
  for (const auto& p : labels["positives"]) {
    const std::string where =
        p["file"].get<std::string>() + ":" + std::to_string(p["line"].get<int>());
    positive_lines.insert(where);
    bool ok = false;
    for (const auto& h : hits[where])
      ok = ok || family_matches(p["family"], h.rule);
    if (ok) {
      ++found;
    } else {
      std::string fired;
      for (const auto& h : hits[where])
        fired += " " + h.rule;
      std::cout << "  missed: " << where << " (" << p["family"].get<std::string>() << ")"
                << (fired.empty() ? "" : "; fired:" + fired) << "\n";
    }
  }
  size_t flagged_lines = 0, correct_lines = 0, blocked_decoy_lines = 0;
  for (const auto& [where, list] : hits) {
    if (list.empty())
      continue;
    ++flagged_lines;
    if (positive_lines.count(where)) {
      ++correct_lines;
      continue;
    }
    bool blocks = false;
    for (const auto& h : list) {
      blocks = blocks || h.tier == Tier::block;
      std::cout << "  false alarm: " << where << " " << h.rule << " (" << tier_name(h.tier) << ") "
                << h.redacted << "\n";
    }
    blocked_decoy_lines += blocks;
  }

  const size_t positives = labels["positives"].size();
  const double recall = positives ? static_cast<double>(found) / positives : 0;
  const double precision = flagged_lines ? static_cast<double>(correct_lines) / flagged_lines : 1.0;
  std::cout << "corpus: " << files << " files, " << positives << " labelled secrets, "
            << labels["decoys"].size() << " labelled decoys\n"
            << "recall:    " << found << "/" << positives << " = " << recall * 100 << "%\n"
            << "precision: " << correct_lines << "/" << flagged_lines << " = " << precision * 100
            << "%\n"
            << "block-tier findings on lines without a secret: " << blocked_decoy_lines << "\n";
  EXPECT_GE(positives, 100u);
  EXPECT_GE(labels["decoys"].size(), 100u);
  EXPECT_GE(recall, 0.98);
  EXPECT_GE(precision, 0.98);
  EXPECT_EQ(blocked_decoy_lines, 0u);
}
