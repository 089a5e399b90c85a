#pragma once
// Error and Result<T>: the one way expected failures travel through custody.
//
// Three tiers (docs/error-handling.md):
//  - policy violations are data (policy::Violation), never errors;
//  - expected failures (bad input, bad config, git or I/O trouble) return Result<T>;
//  - exceptions signal bugs only and are caught once, in each executable's *_main.
#include <string>
#include <utility>
#include <variant>

namespace custody {

enum class ErrorCode {
  invalid_input,  // malformed stdin, argv, message, or data file
  invalid_config, // configuration that fails validation
  not_found,      // a file, object or ref that is not there
  git_failure,    // libgit2 reported an error
  io_failure,     // the OS refused a read, write, lock or fsync
  unsupported,    // something we deliberately do not handle (e.g. SHA-256 repos in libgit2 1.5)
};

struct Error {
  ErrorCode code;
  std::string message; // one line: what went wrong
  std::string hint;    // one line: what to do about it (may be empty)
};

inline Error make_error(ErrorCode code, std::string message, std::string hint = {}) {
  return Error{code, std::move(message), std::move(hint)};
}

// A value or an Error. Deliberately small: ok(), value(), error(), operator* and ->.
template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return m_state.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(m_state); }
  const T& value() const& { return std::get<0>(m_state); }
  T&& value() && { return std::get<0>(std::move(m_state)); }
  const Error& error() const { return std::get<1>(m_state); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

private:
  std::variant<T, Error> m_state;
};

// Result for operations that produce no value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() {
  return Unit{};
}

} // namespace custody

// TRY(expr): evaluates a Result/Status expression and returns its Error from the enclosing
// function.
#define CUSTODY_TRY(expr)                                                                          \
  do {                                                                                             \
    auto&& custody_try_result_ = (expr);                                                           \
    if (!custody_try_result_.ok())                                                                 \
      return custody_try_result_.error();                                                          \
  } while (false)
