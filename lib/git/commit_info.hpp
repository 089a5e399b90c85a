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

// An annotated tag object.
struct TagInfo {
  std::string id;
  std::string target;  // the object it points to (a commit, tree, blob or another tag)
  std::string name;    // the tag name stored in the object
  Signature tagger;    // empty when the tag has no tagger line
  std::string message; // raw message bytes (a signature, if any, included)
};

} // namespace custody::git
