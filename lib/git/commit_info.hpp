#pragma once
// What the checks need to know about one commit, read once from the object database.
#include <cstdint>
#include <string>
#include <vector>

namespace custody::git {

struct Signature {
  std::string name;
  std::string email;
  int64_t time = 0; // seconds since the epoch
};

struct CommitInfo {
  std::string id;                   // full hex id
  std::vector<std::string> parents; // full hex ids, in order
  Signature author;
  Signature committer;
  std::string message;         // raw message bytes as stored in the commit object
  std::string subject() const; // first line of the message
};

} // namespace custody::git
