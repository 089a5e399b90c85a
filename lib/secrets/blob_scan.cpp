// scan_blobs(): see blob_scan.hpp. Work is handed out by an atomic counter, so a huge blob on one
// thread does not hold up the others.
#include "secrets/blob_scan.hpp"

#include <atomic>
#include <mutex>
#include <thread>

namespace custody::secrets {

std::string_view blob_status_name(BlobStatus s) {
  switch (s) {
  case BlobStatus::scanned:
    return "scanned";
  case BlobStatus::binary:
    return "binary";
  case BlobStatus::oversize:
    return "oversize";
  case BlobStatus::unreadable:
    return "unreadable";
  case BlobStatus::not_scanned:
    return "not-scanned";
  }
  return "unknown";
}

BlobScanReport scan_blobs(const git::Repo& repo, const Engine& engine,
                          const std::vector<NewBlob>& blobs, uint64_t max_blob_bytes,
                          Deadline deadline, unsigned threads) {
  BlobScanReport report;
  report.blobs.resize(blobs.size());
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, blobs.size())));
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> bytes{0};
  std::atomic<bool> timed_out{false};
  std::mutex read_mutex;
  auto work = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= blobs.size())
        return;
      ScannedBlob& out = report.blobs[i];
      if (timed_out.load() ||
          (deadline != Deadline::max() && std::chrono::steady_clock::now() > deadline)) {
        timed_out = true;
        continue;
      }
      Result<git::Repo::Blob> blob = [&] {
        std::lock_guard lock(read_mutex);
        return repo.read_blob(blobs[i].id, max_blob_bytes);
      }();
      if (!blob) {
        out.status = BlobStatus::unreadable;
        continue;
      }
      out.size = blob->size;
      if (!blob->content) {
        out.status = BlobStatus::oversize;
        continue;
      }
      const std::string& content = *blob->content;
      if (is_binary(content)) {
        out.status = BlobStatus::binary;
        continue;
      }
      ScanResult r = engine.scan(content, blobs[i].path, blobs[i].commit, deadline);
      out.findings = std::move(r.findings);
      out.limited_rules = std::move(r.limited_rules);
      if (r.timed_out) {
        timed_out = true;
        out.status = BlobStatus::not_scanned;
        continue;
      }
      out.status = BlobStatus::scanned;
      bytes += content.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& t : pool)
    t.join();
  report.bytes_scanned = bytes.load();
  report.timed_out = timed_out.load();
  return report;
}

} // namespace custody::secrets
