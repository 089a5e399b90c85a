// Secret-scanning engine throughput on in-memory text, single thread: the builtin rules over
// SIZE MiB (default 64) of real C/C++ headers from /usr/include concatenated (code full of
// identifiers, hex constants and the words "key", "token", "secret", "password"), with a few
// planted secrets that must be found. Prints each run and the median MB/s of --runs (default 5).
//   secrets_engine_bench [--mib N] [--runs R] [--dir DIR]
#include "secrets/rule_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace custody;

namespace {

std::string corpus(const fs::path& dir, size_t bytes) {
  std::string out;
  out.reserve(bytes + (1 << 20));
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec)
      break;
    auto ext = it->path().extension();
    if (it->is_regular_file(ec) && (ext == ".h" || ext == ".hpp" || ext == ""))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  while (out.size() < bytes && !files.empty()) {
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      std::string text = s.str();
      if (text.find('\0') != std::string::npos)
        continue;
      out += text;
      if (out.size() >= bytes)
        break;
    }
  }
  out.resize(std::min(out.size(), bytes));
  return out;
}

} // namespace

int main(int argc, char** argv) {
  size_t mib = 64;
  int runs = 5;
  fs::path dir = "/usr/include";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mib"))
      mib = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs"))
      runs = std::stoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dir"))
      dir = argv[i + 1];
  }
  auto loaded = secrets::load_engine(secrets::SecretsConfig{});
  if (!loaded) {
    fmt::print(stderr, "cannot load the builtin rules: {}\n", loaded.error().message);
    return 2;
  }
  const secrets::Engine& engine = loaded->engine;
  std::string text = corpus(dir, mib << 20);
  // Plant secrets at a few places (on their own lines).
  const std::vector<std::string> planted = {
      "\nSTRIPE_KEY=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D\n",
      "\naws_access_key_id = AKIAWQ5KUHFW2D6DOZU5\n",
      "\nSLACK=xoxb-732031022168-766888589853-HKrEVImpbE5wMf9o3UtYLpvo\n",
      "\nGITLAB_TOKEN=glpat-zJVMWa6Xr2SJPvPHMiIu\n"};
  for (size_t i = 0; i < planted.size(); ++i) {
    size_t at = text.find('\n', text.size() / (planted.size() + 1) * (i + 1));
    if (at != std::string::npos)
      text.replace(at, 1, planted[i]);
  }
  fmt::print("secrets engine: {} rules, {:.1f} MiB of text from {}, {} runs, 1 thread\n",
             engine.rules().size(), static_cast<double>(text.size()) / (1 << 20), dir.string(),
             runs);
  std::vector<double> mbps;
  size_t findings = 0, planted_found = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    auto result = engine.scan(text, "include/all.h");
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    mbps.push_back(static_cast<double>(text.size()) / 1e6 / s);
    findings = result.findings.size();
    planted_found = 0;
    for (const auto& f : result.findings)
      for (const char* id :
           {"stripe-secret-key-live", "aws-access-key-id", "slack-bot-token", "gitlab-pat"})
        planted_found += f.rule == id;
    fmt::print("  run {}: {:.3f} s, {:.0f} MB/s, {} findings\n", r + 1, s, mbps.back(), findings);
  }
  // What fired besides the planted secrets (candidates for false positives on real code).
  for (const auto& f : engine.scan(text, "include/all.h").findings)
    fmt::print("  finding: line {} {} {}\n", f.line, f.rule, f.redacted);
  std::sort(mbps.begin(), mbps.end());
  fmt::print("median: {:.0f} MB/s per core ({} findings, {}/{} planted secrets found)\n",
             mbps[mbps.size() / 2], findings, planted_found, planted.size());
  return planted_found >= planted.size() ? 0 : 1;
}
