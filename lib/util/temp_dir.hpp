#pragma once
// A private temporary directory (mode 0700, under $TMPDIR or /tmp), removed with its owner: the
// scratch space of the signature verifiers (ssh-keygen's allowed-signers file, gpg's home).
#include <string>
#include <string_view>

namespace custody::util {

class TempDir {
public:
  // `prefix` names the directory, e.g. "custody-ssh"; path() is "" when it could not be made.
  explicit TempDir(std::string_view prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  // Writes `text` to path()/name (binary, truncating); false on any failure.
  bool write(std::string_view name, std::string_view text) const;

private:
  std::string m_path;
};

} // namespace custody::util
