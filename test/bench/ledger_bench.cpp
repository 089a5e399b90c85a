// Ledger benchmark: builds a ledger of N realistic decision records (default 1,000,000) with
// the real append() (batches, 64 MiB segments), then times verify, report (json, csv, html) and
// sample, each in a forked child so its peak RSS is its own. Prints medians of --runs runs.
//   ledger_bench [--records N] [--runs R] [--dir DIR] [--keep]
#include "ledger/ledger.hpp"
#include "ledger/verify.hpp"
#include "report/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace custody;

namespace {

util::Json body_for(uint64_t i) {
  static const char* refs[] = {"refs/heads/main", "refs/heads/release/2.4",
                               "refs/heads/feature/login", "refs/heads/fix/cache",
                               "refs/tags/v2.4.1"};
  static const char* tools[] = {"", "", "claude-code 1.0.31", "copilot 1.2", "cursor 0.45"};
  bool rejected = i % 11 == 0;
  bool agent = i % 7 == 0;
  int day = static_cast<int>(1 + (i / 3000) % 28);
  int month = static_cast<int>(1 + (i / 84000) % 12);
  util::Json commits = util::Json::array();
  for (uint64_t c = 0; c < 1 + i % 3; ++c) {
    std::string tool = tools[(i + c) % 5];
    util::Json commit = {
        {"id", fmt::format("{:040x}", i * 7919 + c)},
        {"author",
         "Dev " + std::to_string(i % 50) + " <dev" + std::to_string(i % 50) + "@example.com>"},
        {"ai_tool", tool},
        {"reviewers", tool.empty() || i % 5 == 0
                          ? util::Json::array()
                          : util::Json::array({"Rita Reviewer <rita@example.com>"})},
        {"review_date", tool.empty() ? "" : "2026-03-01"},
        {"verdict", "ok"}};
    commits.push_back(commit);
  }
  util::Json violations = util::Json::array();
  if (rejected)
    violations.push_back({{"rule", i % 2 ? "refs.force_push" : "trailers.reviewed_by"},
                          {"control", "CC8.1"},
                          {"commit", commits[0]["id"]},
                          {"message", "protected ref: force push is not allowed"}});
  return {
      {"type", "decision"},
      {"time", fmt::format("2026-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", month, day, i % 24, i % 60,
                           (i / 60) % 60, i % 1000000)},
      {"repo", "/srv/git/payments.git"},
      {"hook", "pre-receive"},
      {"push_id", fmt::format("{:016x}", i / 2)},
      {"pusher",
       {{"name", agent ? "svc-ai-bot" : "alice"}, {"source", "GL_USERNAME"}, {"is_agent", agent}}},
      {"ref", refs[i % 5]},
      {"old", fmt::format("{:040x}", i)},
      {"new", fmt::format("{:040x}", i + 1)},
      {"kind", "fast-forward"},
      {"protected", i % 5 < 2},
      {"decision", rejected ? "rejected" : "accepted"},
      {"violations", violations},
      {"commits", commits}};
}

struct Run {
  double seconds = 0;     // wall
  double cpu_seconds = 0; // user + system of the child: what the work costs on an idle core
  long max_rss_kb = 0;
};

Run in_child(const std::function<int()>& fn) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0)
    ::_exit(fn());
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fmt::print(stderr, "child failed (status {})\n", status);
  double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return {secs, cpu, usage.ru_maxrss};
}

Run median(std::vector<Run> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  Run m = runs[runs.size() / 2];
  for (const auto& r : runs)
    m.max_rss_kb = std::max(m.max_rss_kb, r.max_rss_kb);
  return m;
}

} // namespace

int main(int argc, char** argv) {
  uint64_t records = 1'000'000;
  int runs = 3;
  std::string dir = "/tmp/custody-ledger-bench";
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--records" && i + 1 < argc)
      records = std::stoull(argv[++i]);
    else if (a == "--runs" && i + 1 < argc)
      runs = std::stoi(argv[++i]);
    else if (a == "--dir" && i + 1 < argc)
      dir = argv[++i];
    else if (a == "--keep")
      keep = true;
  }
  std::filesystem::remove_all(dir);
  ledger::LedgerOptions options{
      std::filesystem::path(dir) / "ledger.jsonl", 64u << 20, {}, {}, {}, {}, {}};

  auto t0 = std::chrono::steady_clock::now();
  std::vector<util::Json> batch;
  for (uint64_t i = 1; i <= records; ++i) {
    batch.push_back(body_for(i));
    if (batch.size() == 5000 || i == records) {
      auto r = ledger::append(options, batch);
      if (!r) {
        fmt::print(stderr, "append failed: {}\n", r.error().message);
        return 1;
      }
      batch.clear();
    }
  }
  double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  uint64_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    bytes += e.is_regular_file() ? e.file_size() : 0;
  fmt::print("ledger: {} records, {:.0f} MiB ({} bytes/record), built in {:.1f} s\n", records,
             static_cast<double>(bytes) / (1 << 20), bytes / records, build);
  std::fflush(stdout);

  auto measure = [&](const char* name, const std::function<int()>& fn) {
    std::vector<Run> all;
    for (int r = 0; r < runs; ++r)
      all.push_back(in_child(fn));
    Run m = median(all);
    fmt::print(
        "{:<12} median cpu {:6.2f} s ({:>8.0f} records/s)  wall {:6.2f} s  peak RSS {:>5.1f} MiB\n",
        name, m.cpu_seconds, static_cast<double>(records) / m.cpu_seconds, m.seconds,
        static_cast<double>(m.max_rss_kb) / 1024);
    std::fflush(stdout);
  };
  measure("verify", [&] {
    auto report =
        ledger::verify(ledger::VerifyOptions{options.path, std::nullopt, std::nullopt, {}});
    return report && !report->error && report->records == records ? 0 : 1;
  });
  for (auto [name, format] : {std::pair{"report json", report::Format::json},
                              std::pair{"report csv", report::Format::csv},
                              std::pair{"report html", report::Format::html}}) {
    measure(name, [&, format = format] {
      std::ofstream out("/dev/null");
      report::ReportOptions ro;
      ro.ledger = options.path;
      ro.format = format;
      return report::write_report(ro, out) ? 0 : 1;
    });
  }
  measure("sample n=40", [&] {
    std::ofstream out("/dev/null");
    report::SampleOptions so;
    so.ledger = options.path;
    so.n = 40;
    so.seed = 20260301;
    so.seed_text = "20260301";
    return report::write_sample(so, out) ? 0 : 1;
  });
  if (!keep)
    std::filesystem::remove_all(dir);
  return 0;
}
