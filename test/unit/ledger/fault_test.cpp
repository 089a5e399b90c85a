// Faults for real: a writer killed mid-append, a full disk (file size limit and a tiny tmpfs),
// an unwritable directory. Each runs the writer in a forked child so the fault stays there.
#include "ledger/ledger.hpp"
#include "ledger/record_line.hpp"
#include "support/ledger_fixture.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace custody;
using namespace custody::test;

namespace {

struct ChildResult {
  int status = -1;
  std::string output; // what the child wrote to its pipe
};

// Runs `fn` in a child; `fn` writes its findings to the fd it is given and returns the exit code.
pid_t start_child(const std::function<int(int)>& fn, int& read_fd) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    int code = fn(fds[1]);
    ::_exit(code);
  }
  ::close(fds[1]);
  read_fd = fds[0];
  return pid;
}

ChildResult finish_child(pid_t pid, int read_fd) {
  ChildResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(read_fd, buffer, sizeof buffer)) > 0)
    result.output.append(buffer, static_cast<size_t>(n));
  ::close(read_fd);
  ::waitpid(pid, &result.status, 0);
  return result;
}

ChildResult run_child(const std::function<int(int)>& fn) {
  int fd = -1;
  pid_t pid = start_child(fn, fd);
  return finish_child(pid, fd);
}

// Appends in the child and reports "ok" or "message\nhint".
int append_and_report(const ledger::LedgerOptions& options, const util::Json& body, int out) {
  auto result = ledger::append(options, {body});
  std::string text = result.ok() ? "ok" : result.error().message + "\n" + result.error().hint;
  (void)!::write(out, text.data(), text.size());
  return result.ok() ? 0 : 1;
}

util::Json big_body(int i) {
  util::Json body = decision_body(i);
  body["violations"] =
      util::Json::array({{{"rule", "secrets/generic"}, {"message", std::string(9000, 'x')}}});
  return body;
}

class FaultTest : public ::testing::Test {
protected:
  TempDir dir;
  std::filesystem::path path = dir.path() / "ledger.jsonl";
  ledger::LedgerOptions options = options_for(path);
};

} // namespace

TEST_F(FaultTest, TornTailIsKeptTerminatedAndRecovered) {
  append_records(options, 2);
  std::string before = slurp(path);
  std::string partial =
      ledger::make_line(3, std::string(64, '1'), std::nullopt, decision_body(3)).substr(0, 100);
  spit(path, before + partial);
  auto result = ledger::append(options, {decision_body(4)});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ((*result)[0].seq, 4u); // seq 3 is the recovery record
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[2], partial); // the torn bytes are kept, now ended by a newline
  auto recovery = util::Json::parse(lines[3]);
  EXPECT_EQ(recovery["seq"], 3);
  EXPECT_EQ(recovery["type"], "recovery");
  EXPECT_EQ(recovery["prev"], util::Json::parse(lines[1])["hash"]);
  EXPECT_EQ(recovery["torn"]["offset"], before.size());
  EXPECT_EQ(recovery["torn"]["length"], 100);
  EXPECT_EQ(recovery["torn"]["sha256"], util::sha256_hex(partial));
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 4u);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(ledger::format_finding(report.warnings[0]),
            "ledger.jsonl:3: torn record (100 bytes at byte " + std::to_string(before.size()) +
                "): a writer was interrupted; recovered by the next record");
}

TEST_F(FaultTest, WholeRecordWithoutItsNewlineIsTornNotChained) {
  append_records(options, 2);
  std::string prev = util::Json::parse(read_lines(path)[1])["hash"];
  std::string whole = ledger::make_line(3, prev, std::nullopt, decision_body(3));
  spit(path, slurp(path) + whole); // the writer died just before the '\n'
  ASSERT_TRUE(ledger::append(options, {decision_body(4)}).ok());
  auto lines = read_lines(path);
  EXPECT_EQ(util::Json::parse(lines[3])["seq"], 3); // recovery takes seq 3 again
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 4u);
  EXPECT_EQ(report.warning_count, 1u);
}

TEST_F(FaultTest, RecoveryThatNamesOtherBytesIsAnError) {
  append_records(options, 2);
  spit(path, slurp(path) + "{\"seq\":3,\"prev\"");
  ASSERT_TRUE(ledger::append(options, {decision_body(4)}).ok());
  auto lines = read_lines(path);
  lines[2] = "{\"seq\":3,\"prev\":\"0\"}"; // the kept torn bytes were swapped afterwards
  write_lines(path, lines);
  EXPECT_EQ(error_text(verify_path(path)),
            "ledger.jsonl:3: line is not a ledger record (after seq 2): not a JSON "
            "object with seq, prev and hash, and no recovery record names it");
}

TEST_F(FaultTest, KilledWriterLeavesATornTailThatTheNextWriterRecovers) {
  append_records(options, 3);
  auto size_before = std::filesystem::file_size(path);
  int fd = -1;
  pid_t pid = start_child(
      [&](int out) {
        ::setenv("CUSTODY_TEST_APPEND_DELAY_MS", "20000", 1);
        return append_and_report(options, decision_body(99), out);
      },
      fd);
  // Wait for the first half of the bytes to reach the file, then kill -9 in the window.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::filesystem::file_size(path) == size_before &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_GT(std::filesystem::file_size(path), size_before) << "the child never wrote";
  ::kill(pid, SIGKILL);
  ChildResult child = finish_child(pid, fd);
  ASSERT_TRUE(WIFSIGNALED(child.status));
  EXPECT_EQ(child.output, ""); // it never reported success: the hook never said yes
  EXPECT_NE(slurp(path).back(), '\n');

  auto torn = verify_path(path);
  EXPECT_FALSE(torn.error) << error_text(torn);
  EXPECT_EQ(torn.records, 3u);
  EXPECT_EQ(torn.warning_count, 1u);

  ASSERT_TRUE(ledger::append(options, {decision_body(4)}).ok()); // the next writer is not blocked
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 5u);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(ledger::format_finding(report.warnings[0])
                .find("at byte " + std::to_string(size_before) + "): a writer was interrupted"),
            std::string::npos);
}

TEST_F(FaultTest, FileSizeLimitRejectsTheAppendAndLeavesNothingBehind) {
  append_records(options, 2);
  auto size_before = std::filesystem::file_size(path);
  ChildResult child = run_child([&](int out) {
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{size_before + 4000, size_before + 4000}; // room for part of the record only
    ::setrlimit(RLIMIT_FSIZE, &limit);
    return append_and_report(options, big_body(3), out);
  });
  ASSERT_TRUE(WIFEXITED(child.status));
  EXPECT_EQ(WEXITSTATUS(child.status), 1);
  EXPECT_EQ(child.output, "cannot write " + path.string() +
                              ": File too large\nfree space on the ledger's file system (or raise "
                              "the quota), then push again");
  EXPECT_EQ(std::filesystem::file_size(path), size_before);
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_TRUE(report.warnings.empty());
  EXPECT_TRUE(ledger::append(options, {decision_body(3)}).ok());
}

TEST_F(FaultTest, FullTmpfsRejectsTheAppendAndLeavesNothingBehind) {
  std::filesystem::path mount_point = dir.path() / "tiny";
  std::filesystem::create_directory(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=64k") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (needs CAP_SYS_ADMIN); the file size limit test "
                    "covers ENOSPC";
  struct Unmount {
    std::filesystem::path p;
    ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
  } unmount{mount_point};
  ledger::LedgerOptions tiny = options_for(mount_point / "custody" / "ledger.jsonl");
  append_records(tiny, 2);
  { // fill the file system
    std::string chunk(4096, 'f');
    FILE* filler = std::fopen((mount_point / "filler").c_str(), "wb");
    ASSERT_NE(filler, nullptr);
    while (std::fwrite(chunk.data(), 1, chunk.size(), filler) == chunk.size() &&
           std::fflush(filler) == 0) {
    }
    std::fclose(filler);
  }
  auto size_before = std::filesystem::file_size(tiny.path);
  auto result = ledger::append(tiny, {big_body(3)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "cannot write " + tiny.path.string() + ": No space left on device");
  EXPECT_EQ(std::filesystem::file_size(tiny.path), size_before);
  auto report = verify_path(tiny.path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, 2u);
}

TEST_F(FaultTest, UnwritableDirectoryIsAClearError) {
  std::filesystem::path locked = dir.path() / "locked";
  std::filesystem::create_directory(locked);
  ::chmod(dir.path().c_str(), 0755);
  ::chmod(locked.c_str(), 0555);
  ledger::LedgerOptions target = options_for(locked / "ledger.jsonl");
  ChildResult child = run_child([&](int out) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) // root ignores modes
      return 3;
    return append_and_report(target, decision_body(1), out);
  });
  ASSERT_TRUE(WIFEXITED(child.status));
  ASSERT_EQ(WEXITSTATUS(child.status), 1) << child.output;
  EXPECT_EQ(
      child.output,
      "cannot open the ledger lock " + target.path.string() +
          ".lock: Permission denied\nthe hook's user must be able to write the ledger's directory");
  EXPECT_FALSE(std::filesystem::exists(target.path));
}

TEST_F(FaultTest, ReadOnlyLedgerFileIsAClearError) {
  append_records(options, 1);
  ::chmod(dir.path().c_str(), 0755);
  ::chmod(path.c_str(), 0444);
  ::chmod((path.string() + ".lock").c_str(), 0666);
  ChildResult child = run_child([&](int out) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
      return 3;
    return append_and_report(options, decision_body(2), out);
  });
  ASSERT_TRUE(WIFEXITED(child.status));
  ASSERT_EQ(WEXITSTATUS(child.status), 1) << child.output;
  EXPECT_EQ(child.output, "cannot open the ledger " + path.string() +
                              ": Permission denied\nthe hook's user must be able to write the "
                              "ledger file and its directory");
}

TEST_F(FaultTest, ConcurrentWritersNeitherLoseNorInterleaveRecords) {
  constexpr int k_writers = 32;
  constexpr int k_calls = 8;
  options.rotate_bytes = 20000; // rotation under contention too
  int gate[2];
  ASSERT_EQ(::pipe(gate), 0);
  std::vector<pid_t> pids;
  for (int w = 0; w < k_writers; ++w) {
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(gate[1]);
      char c;
      (void)!::read(gate[0], &c, 1); // all start together when the gate closes
      for (int i = 0; i < k_calls; ++i) {
        util::Json a = decision_body(w * 100 + i);
        util::Json b = decision_body(w * 100 + i);
        a["push_id"] = b["push_id"] = "w" + std::to_string(w) + "-" + std::to_string(i);
        if (!ledger::append(options, {a, b}).ok())
          ::_exit(1);
      }
      ::_exit(0);
    }
    pids.push_back(pid);
  }
  ::close(gate[0]);
  ::close(gate[1]);
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto report = verify_path(path);
  EXPECT_FALSE(report.error) << error_text(report);
  EXPECT_EQ(report.records, static_cast<uint64_t>(k_writers * k_calls * 2));
  EXPECT_EQ(report.head_seq, static_cast<uint64_t>(k_writers * k_calls * 2));
  EXPECT_GT(report.segments, 2u);
  EXPECT_TRUE(report.warnings.empty());
  // The two records of one call are adjacent: one write() per call.
  auto lines = read_lines(path);
  for (size_t i = 0; i + 1 < lines.size(); i += 2) {
    auto a = util::Json::parse(lines[i]);
    auto b = util::Json::parse(lines[i + 1]);
    EXPECT_EQ(a["push_id"], b["push_id"]) << "line " << i + 1;
  }
}
