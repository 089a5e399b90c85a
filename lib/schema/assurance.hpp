#pragma once
// How strongly a review is proven (docs/review-assurance.md), weakest first:
//   claimed   only a trailer says so;
//   platform  the trailer is in a merge or squash commit the hosting platform itself created in a
//             web merge, in its own format (Gitea: Reviewed-by + Reviewed-on; GitLab: Approved-by),
//             and the merger is not the author (a self-merge does not count);
//   pusher    the server-authenticated pusher is the reviewer (the push is the approval);
//   signed    the reviewer's registered key signed the commit, a merge covering it, or the push.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace custody::schema {

enum class Assurance { claimed = 0, platform = 1, pusher = 2, signed_ = 3 };

inline const char* assurance_name(Assurance a) {
  switch (a) {
  case Assurance::claimed:
    return "claimed";
  case Assurance::platform:
    return "platform";
  case Assurance::pusher:
    return "pusher";
  case Assurance::signed_:
    return "signed";
  }
  return "claimed";
}

inline std::optional<Assurance> parse_assurance(std::string_view text) {
  for (Assurance a :
       {Assurance::claimed, Assurance::platform, Assurance::pusher, Assurance::signed_})
    if (text == assurance_name(a))
      return a;
  return std::nullopt;
}

inline const std::vector<std::string>& assurance_names() {
  static const std::vector<std::string> k_names = {"claimed", "platform", "pusher", "signed"};
  return k_names;
}

} // namespace custody::schema
