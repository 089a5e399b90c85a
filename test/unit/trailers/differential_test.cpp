// Differential test: our parser against the installed git (`git interpret-trailers --parse`,
// with and without --no-divider) over thousands of generated messages, byte for byte.
// git runs with a clean configuration (HOME in a temp dir, GIT_CONFIG_NOSYSTEM=1) outside any
// repository; messages go to git in batches (it accepts many files and prints their trailers
// one after another) and a mismatching batch is re-run file by file to name the message.
//
// Excluded: in --parse mode, messages with a scissors line after a `---` divider, on which
// git 2.39 loops forever (our parser ends the message at the divider; see parser_test.cpp).
// CUSTODY_TRAILERS_DIFF_COUNT overrides the number of messages (default 10000).
#include "message_generator.hpp"
#include "trailers/parser.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using custody::trailers::Divider;

namespace {

bool git_would_hang(std::string_view m) {
  m = m.substr(0, m.find('\0'));
  size_t patch = m.size();
  for (size_t pos = 0; pos < m.size();) {
    if (m.substr(pos, 3) == "---" && pos + 3 < m.size() &&
        (m[pos + 3] == ' ' || m[pos + 3] == '\t' || m[pos + 3] == '\n' || m[pos + 3] == '\r')) {
      patch = pos;
      break;
    }
    size_t nl = m.find('\n', pos);
    pos = nl == std::string_view::npos ? m.size() : nl + 1;
  }
  const std::string_view cut = "\n# ------------------------ >8 ------------------------\n";
  if (m.substr(0, cut.size() - 1) == cut.substr(1))
    return false;
  size_t p = m.find(cut);
  return p != std::string_view::npos && p + 1 > patch;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\\')
      out += "\\\\";
    else if (c < 0x20 || c >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else
      out += static_cast<char>(c);
  }
  return out;
}

class GitRunner {
public:
  explicit GitRunner(fs::path dir) : m_dir(std::move(dir)) {}

  // git's concatenated output for `files`, or nullopt when git could not run.
  std::optional<std::string> parse(const std::vector<std::string>& files, Divider divider) const {
    const char* path = std::getenv("PATH");
    std::string cmd = "cd " + shell_quote(m_dir.string()) +
                      " && env -i PATH=" + shell_quote(path ? path : "/usr/bin") +
                      " HOME=" + shell_quote(m_dir.string()) +
                      " GIT_CONFIG_NOSYSTEM=1 timeout 120 git interpret-trailers --parse";
    if (divider == Divider::ignore)
      cmd += " --no-divider";
    for (const auto& f : files)
      cmd += " " + f;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe)
      return std::nullopt;
    std::string out;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
      out.append(buf, n);
    int status = ::pclose(pipe);
    if (status != 0)
      return std::nullopt;
    return out;
  }

private:
  fs::path m_dir;
};

class TrailersDifferentialTest : public ::testing::Test {
protected:
  void SetUp() override {
    if (std::system("git --version >/dev/null 2>&1") != 0)
      GTEST_SKIP() << "git is not installed";
    char tmpl[] = "/tmp/custody-trailers-diff-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    m_dir = tmpl;
  }
  void TearDown() override {
    if (!m_dir.empty() && !HasFailure())
      fs::remove_all(m_dir);
  }

  // Runs `messages` through git and us in `divider` mode; returns the number compared.
  size_t compare(const std::vector<std::string>& messages, Divider divider) {
    GitRunner git(m_dir);
    custody::trailers::ParseOptions options;
    options.divider = divider;
    std::vector<std::string> batch_files;
    std::vector<size_t> batch_index;
    std::string expected;
    size_t compared = 0;
    int reported = 0;
    m_with_trailers = 0;
    auto flush = [&] {
      if (batch_files.empty())
        return;
      auto actual = git.parse(batch_files, divider);
      ASSERT_TRUE(actual) << "git interpret-trailers failed on a batch";
      if (*actual != expected) {
        for (size_t i : batch_index) {
          auto one = git.parse({"m" + std::to_string(i)}, divider);
          ASSERT_TRUE(one);
          std::string ours = custody::trailers::format_trailers(
              custody::trailers::parse_trailers(messages[i], options).trailers);
          if (*one != ours && reported++ < 5)
            ADD_FAILURE() << "message " << i
                          << (divider == Divider::ignore ? " (--no-divider)" : "") << ": \""
                          << escape(messages[i]) << "\"\n  git: \"" << escape(*one)
                          << "\"\n  ours: \"" << escape(ours) << "\"";
        }
      }
      compared += batch_files.size();
      batch_files.clear();
      batch_index.clear();
      expected.clear();
    };
    for (size_t i = 0; i < messages.size(); ++i) {
      if (divider == Divider::honour && git_would_hang(messages[i]))
        continue;
      batch_files.push_back("m" + std::to_string(i));
      batch_index.push_back(i);
      std::string ours = custody::trailers::format_trailers(
          custody::trailers::parse_trailers(messages[i], options).trailers);
      m_with_trailers += !ours.empty();
      expected += ours;
      if (batch_files.size() == 400)
        flush();
    }
    flush();
    return compared;
  }

  std::vector<std::string> generate(size_t count, uint64_t seed) {
    custody::test::MessageGenerator gen(seed);
    std::vector<std::string> messages;
    for (size_t i = 0; i < count; ++i) {
      messages.push_back(gen.next());
      std::ofstream(m_dir / ("m" + std::to_string(i)), std::ios::binary) << messages.back();
    }
    return messages;
  }

  fs::path m_dir;
  size_t m_with_trailers = 0;
};

size_t message_count() {
  const char* env = std::getenv("CUSTODY_TRAILERS_DIFF_COUNT");
  return env ? std::strtoul(env, nullptr, 10) : 10000;
}

} // namespace

TEST_F(TrailersDifferentialTest, GeneratedMessagesMatchGitParse) {
  auto messages = generate(message_count(), 20250101);
  size_t compared = compare(messages, Divider::honour);
  EXPECT_GT(compared, messages.size() * 9 / 10);
  EXPECT_GT(m_with_trailers, compared / 5); // the generator must reach the trailer rules
  std::printf("compared %zu of %zu generated messages (%zu with trailers) with git "
              "interpret-trailers --parse\n",
              compared, messages.size(), m_with_trailers);
}

TEST_F(TrailersDifferentialTest, GeneratedMessagesMatchGitParseNoDivider) {
  auto messages = generate(message_count(), 20250102);
  size_t compared = compare(messages, Divider::ignore);
  EXPECT_EQ(compared, messages.size());
  EXPECT_GT(m_with_trailers, compared / 5);
  std::printf("compared %zu generated messages (%zu with trailers) with git interpret-trailers "
              "--parse --no-divider\n",
              compared, m_with_trailers);
}
