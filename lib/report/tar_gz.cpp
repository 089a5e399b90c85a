#include "report/tar_gz.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <vector>
#include <zlib.h>

namespace custody::report {

namespace fs = std::filesystem;

namespace {

class GzipFile {
public:
  explicit GzipFile(const fs::path& path) : m_out(path, std::ios::binary | std::ios::trunc) {
    m_ok = m_out.good() && deflateInit2(&m_z, 6, Z_DEFLATED, 15 + 16 /* gzip wrapper */, 8,
                                        Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~GzipFile() { deflateEnd(&m_z); }
  GzipFile(const GzipFile&) = delete;
  GzipFile& operator=(const GzipFile&) = delete;

  bool write(const char* data, size_t size) { return pump(data, size, Z_NO_FLUSH); }
  bool finish() { return pump(nullptr, 0, Z_FINISH) && m_out.flush().good(); }
  bool ok() const { return m_ok; }

private:
  bool pump(const char* data, size_t size, int flush) {
    if (!m_ok)
      return false;
    m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    m_z.avail_in = static_cast<uInt>(size);
    int rc = Z_OK;
    do {
      m_z.next_out = reinterpret_cast<Bytef*>(m_buffer.data());
      m_z.avail_out = static_cast<uInt>(m_buffer.size());
      rc = deflate(&m_z, flush);
      if (rc == Z_STREAM_ERROR)
        return m_ok = false;
      m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size() - m_z.avail_out));
    } while (m_z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    return m_ok = m_out.good();
  }

  std::ofstream m_out;
  z_stream m_z{};
  bool m_ok = false;
  std::array<char, 1 << 16> m_buffer{};
};

void octal(char* field, size_t width, uint64_t value) {
  std::string text = fmt::format("{:0{}o}", value, width - 1);
  std::memcpy(field, text.data(), width - 1);
  field[width - 1] = '\0';
}

// A ustar header; names over 100 bytes are split at a '/' into prefix (155) and name (100).
bool header(std::array<char, 512>& h, const std::string& name, uint64_t size, bool directory,
            int64_t mtime) {
  h.fill('\0');
  std::string prefix, tail = name;
  if (tail.size() > 100) {
    auto cut = name.rfind('/', 155);
    if (cut == std::string::npos || name.size() - cut - 1 > 100)
      return false;
    prefix = name.substr(0, cut);
    tail = name.substr(cut + 1);
  }
  std::memcpy(h.data(), tail.data(), tail.size());
  octal(&h[100], 8, directory ? 0755 : 0644);
  octal(&h[108], 8, 0);
  octal(&h[116], 8, 0);
  octal(&h[124], 12, directory ? 0 : size);
  octal(&h[136], 12, static_cast<uint64_t>(std::max<int64_t>(mtime, 0)));
  h[156] = directory ? '5' : '0';
  std::memcpy(&h[257], "ustar", 6);
  std::memcpy(&h[263], "00", 2);
  std::memcpy(&h[265], "root", 4);
  std::memcpy(&h[297], "root", 4);
  std::memcpy(&h[345], prefix.data(), prefix.size());
  std::memset(&h[148], ' ', 8);
  unsigned sum = 0;
  for (char c : h)
    sum += static_cast<unsigned char>(c);
  std::string text = fmt::format("{:06o}", sum);
  std::memcpy(&h[148], text.data(), 6);
  h[154] = '\0';
  h[155] = ' ';
  return true;
}

} // namespace

Status write_tar_gz(const fs::path& dir, const fs::path& archive, int64_t mtime) {
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) || it->is_regular_file(ec))
      entries.push_back(it->path());
  if (ec)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot list {}: {}", dir.string(), ec.message()));
  std::sort(entries.begin(), entries.end());
  fs::path tmp = archive;
  tmp += ".tmp";
  {
    GzipFile gz(tmp);
    if (!gz.ok())
      return make_error(ErrorCode::io_failure, fmt::format("cannot write {}", tmp.string()));
    std::array<char, 512> h{};
    std::string top = dir.filename().string();
    auto add = [&](const fs::path& path, bool directory, uint64_t size) {
      std::string rel = path == dir ? "" : path.lexically_relative(dir).generic_string();
      std::string name = rel.empty() ? top + "/" : top + "/" + rel + (directory ? "/" : "");
      return header(h, name, size, directory, mtime) && gz.write(h.data(), h.size());
    };
    bool ok = add(dir, true, 0);
    std::vector<char> block(1 << 20);
    for (const auto& path : entries) {
      if (!ok)
        break;
      if (fs::is_directory(path, ec)) {
        ok = add(path, true, 0);
        continue;
      }
      uint64_t size = fs::file_size(path, ec);
      ok = !ec && add(path, false, size);
      std::ifstream in(path, std::ios::binary);
      uint64_t written = 0;
      while (ok && in && written < size) {
        in.read(block.data(),
                static_cast<std::streamsize>(std::min<uint64_t>(block.size(), size - written)));
        auto got = static_cast<size_t>(in.gcount());
        written += got;
        ok = gz.write(block.data(), got);
      }
      ok = ok && written == size;
      static const std::array<char, 512> zeros{};
      if (ok && size % 512)
        ok = gz.write(zeros.data(), 512 - size % 512);
    }
    static const std::array<char, 1024> end_blocks{};
    if (!ok || !gz.write(end_blocks.data(), end_blocks.size()) || !gz.finish())
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot write {} (a name too long or a file that changed "
                                    "while archiving)",
                                    tmp.string()));
  }
  fs::rename(tmp, archive, ec);
  if (ec)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot rename {}: {}", tmp.string(), ec.message()));
  return ok_status();
}

} // namespace custody::report
