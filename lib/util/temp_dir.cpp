// TempDir; see temp_dir.hpp.
#include "util/temp_dir.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace custody::util {

TempDir::TempDir(std::string_view prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = fmt::format("{}/{}-XXXXXX", tmp && *tmp ? tmp : "/tmp", prefix);
  if (::mkdtemp(templ.data()))
    m_path = std::move(templ);
}

TempDir::~TempDir() {
  if (!m_path.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
}

bool TempDir::write(std::string_view name, std::string_view text) const {
  if (m_path.empty())
    return false;
  std::ofstream out(fmt::format("{}/{}", m_path, name), std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

} // namespace custody::util
