#pragma once
// A throw-away git repository driven with the real git CLI (clean config, fixed identity and
// dates), for tests of code that reads repositories through lib/git.
#include "git/library.hpp"

#include <git2.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace custody::test {

class GitSandbox {
public:
  GitSandbox() {
    std::string pattern = (std::filesystem::temp_directory_path() / "custody-git-XXXXXX").string();
    m_root = ::mkdtemp(pattern.data());
    m_repo = m_root / "repo";
    std::filesystem::create_directories(m_repo);
    run("git init -q -b main .");
  }
  ~GitSandbox() {
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
  }
  GitSandbox(const GitSandbox&) = delete;
  GitSandbox& operator=(const GitSandbox&) = delete;

  const std::filesystem::path& path() const { return m_repo; }

  // Runs a shell command in the repository with a clean git environment; returns its stdout
  // without the final newline. Fails the test if it exits non-zero.
  std::string run(const std::string& command,
                  const std::string& author = "Alice Developer <alice@example.com>") {
    auto lt = author.find('<');
    std::string name = author.substr(0, lt - 1),
                email = author.substr(lt + 1, author.size() - lt - 2);
    std::string cmd = "cd '" + m_repo.string() + "' && env -i PATH=/usr/bin:/bin HOME='" +
                      m_root.string() + "' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME='" + name +
                      "' GIT_AUTHOR_EMAIL='" + email + "' GIT_COMMITTER_NAME='" + name +
                      "' GIT_COMMITTER_EMAIL='" + email +
                      "' GIT_AUTHOR_DATE='2026-01-01T10:00:00Z' "
                      "GIT_COMMITTER_DATE='2026-01-01T10:00:00Z' sh -c '" +
                      command + "' 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
      out.append(buf, n);
    int status = ::pclose(p);
    EXPECT_EQ(status, 0) << command << "\n" << out;
    if (!out.empty() && out.back() == '\n')
      out.pop_back();
    return out;
  }

  // Commits a change to `file` with `message` (written to a file, so any bytes are fine).
  std::string commit(const std::string& file, const std::string& message,
                     const std::string& author = "Alice Developer <alice@example.com>") {
    std::filesystem::create_directories((m_repo / file).parent_path());
    std::ofstream(m_repo / file, std::ios::app) << message.size() << "\n";
    std::ofstream(m_root / "msg", std::ios::binary) << message;
    run("git add -A && git commit -q --cleanup=verbatim -F ../msg", author);
    return run("git rev-parse HEAD");
  }

  void write_file(const std::string& rel, const std::string& content) {
    std::filesystem::create_directories((m_repo / rel).parent_path());
    std::ofstream(m_repo / rel, std::ios::binary) << content;
  }

private:
  git::Library m_libgit2;
  std::filesystem::path m_root;
  std::filesystem::path m_repo;
};

} // namespace custody::test
