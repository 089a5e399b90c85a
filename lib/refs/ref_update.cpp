#include "refs/ref_update.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::refs {

namespace {

Result<RefUpdate> make_update(std::string_view old_oid, std::string_view new_oid,
                              std::string_view ref) {
  if (!is_object_id(old_oid))
    return make_error(ErrorCode::invalid_input, fmt::format("old value \"{}\" is not an object id",
                                                            util::printable(old_oid)));
  if (!is_object_id(new_oid))
    return make_error(ErrorCode::invalid_input, fmt::format("new value \"{}\" is not an object id",
                                                            util::printable(new_oid)));
  if (old_oid.size() != new_oid.size())
    return make_error(ErrorCode::invalid_input, "old and new object ids have different lengths");
  CUSTODY_TRY(check_ref_name(ref));
  return RefUpdate{util::to_lower(old_oid), util::to_lower(new_oid), std::string(ref)};
}

} // namespace

bool is_zero_oid(std::string_view oid) {
  return !oid.empty() && oid.find_first_not_of('0') == std::string_view::npos;
}
bool RefUpdate::is_create() const {
  return is_zero_oid(old_oid);
}
bool RefUpdate::is_delete() const {
  return is_zero_oid(new_oid);
}

Result<std::vector<RefUpdate>> parse_ref_update_lines(std::string_view input) {
  std::vector<RefUpdate> updates;
  if (input.empty())
    return make_error(
        ErrorCode::invalid_input, "no ref updates on standard input",
        "pre-receive reads \"<old> <new> <ref>\" lines from git; run it only as a git hook");
  if (input.back() != '\n')
    return make_error(ErrorCode::invalid_input,
                      "standard input does not end with a newline (truncated?)");
  input.remove_suffix(1);
  size_t line_no = 0;
  for (auto line : util::split(input, '\n')) {
    ++line_no;
    auto fields = util::split(line, ' ');
    if (fields.size() != 3)
      return make_error(
          ErrorCode::invalid_input,
          fmt::format("line {} of standard input is not \"<old> <new> <ref>\": \"{}\"", line_no,
                      util::printable(line.substr(0, 200))));
    auto update = make_update(fields[0], fields[1], fields[2]);
    if (!update)
      return make_error(ErrorCode::invalid_input, fmt::format("line {} of standard input: {}",
                                                              line_no, update.error().message));
    if (!updates.empty() && updates.front().old_oid.size() != update->old_oid.size())
      return make_error(ErrorCode::invalid_input,
                        fmt::format("line {}: object ids of mixed lengths", line_no));
    updates.push_back(std::move(update.value()));
  }
  return updates;
}

Result<RefUpdate> parse_update_args(const std::vector<std::string>& args) {
  if (args.size() != 3)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("expected 3 arguments <ref> <old> <new>, got {}", args.size()),
                      "the update hook is run by git as: update <ref> <old-oid> <new-oid>");
  return make_update(args[1], args[2], args[0]);
}

} // namespace custody::refs
