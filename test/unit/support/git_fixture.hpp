#pragma once
// Builds real repositories with the real git, for tests that need commits, tags and ancestry.
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace custody::test {

// Runs `command` with /bin/sh in a clean git environment; returns stdout without the final
// newline and fails the test on a non-zero exit.
inline std::string sh(const std::string& command) {
  std::string full =
      "env -u GIT_DIR -u GIT_WORK_TREE HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 "
      "GIT_AUTHOR_NAME=Alice GIT_AUTHOR_EMAIL=alice@example.com GIT_COMMITTER_NAME=Alice "
      "GIT_COMMITTER_EMAIL=alice@example.com sh -c '" +
      command + "'";
  std::string out;
  FILE* pipe = ::popen(full.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (!pipe)
    return out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  int status = ::pclose(pipe);
  EXPECT_EQ(status, 0) << command;
  while (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

// A non-bare repository whose objects tests read directly (its .git is the git dir).
class WorkRepo {
public:
  explicit WorkRepo(const std::filesystem::path& dir) : m_dir(dir) {
    sh("git init -q -b main " + m_dir.string());
  }
  const std::filesystem::path& dir() const { return m_dir; }
  std::filesystem::path git_dir() const { return m_dir / ".git"; }
  // Writes `file`, commits it, and returns the new commit id.
  std::string commit(const std::string& file, const std::string& content,
                     const std::string& message = "change") {
    std::filesystem::create_directories((m_dir / file).parent_path());
    std::ofstream(m_dir / file) << content;
    git("add " + file);
    git("commit -q -m \"" + message + "\"");
    return git("rev-parse HEAD");
  }
  std::string git(const std::string& args) { return sh("git -C " + m_dir.string() + " " + args); }

private:
  std::filesystem::path m_dir;
};

// base ← child on main, and sibling on branch side (also from base): a fast-forward
// (base → child) and a force push (child → sibling) in one repository.
struct DivergedHistory {
  explicit DivergedHistory(WorkRepo& work)
      : base(work.commit("a.txt", "1")), child(work.commit("a.txt", "2")),
        sibling((work.git("checkout -q -b side " + base), work.commit("b.txt", "3"))) {}
  std::string base, child, sibling;
};

} // namespace custody::test
