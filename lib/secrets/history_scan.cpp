// scan_reachable_streaming(): see history_scan.hpp. The walk runs on the calling thread with the
// caller's repository handle; workers open their own handles on the same git directory (a libgit2
// repository must not be read from two threads at once).
#include "secrets/history_scan.hpp"

#include "git/reachable_blobs.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace custody::secrets {

namespace {

constexpr size_t k_queue_capacity = 1024;

// A bounded multi-consumer queue; close() lets the consumers drain it and stop.
class BlobQueue {
public:
  void push(NewBlob&& b) {
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_items.size() < k_queue_capacity; });
    m_items.push_back(std::move(b));
    m_not_empty.notify_one();
  }
  std::optional<NewBlob> pop() {
    std::unique_lock lock(m_mutex);
    m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
    if (m_items.empty())
      return std::nullopt;
    NewBlob b = std::move(m_items.front());
    m_items.pop_front();
    m_not_full.notify_one();
    return b;
  }
  void close() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_not_empty.notify_all();
  }

private:
  std::mutex m_mutex;
  std::condition_variable m_not_empty, m_not_full;
  std::deque<NewBlob> m_items;
  bool m_closed = false;
};

} // namespace

Result<StreamStats> scan_reachable_streaming(const git::Repo& repo, const Engine& engine,
                                             const std::vector<std::string>& tips,
                                             uint64_t max_blob_bytes, const ScannedBlobSink& sink,
                                             unsigned threads) {
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<git::Repo> handles;
  for (unsigned t = 0; t < threads; ++t) {
    auto h = git::Repo::open(repo.git_dir());
    if (!h)
      return h.error();
    handles.push_back(std::move(*h));
  }
  BlobQueue queue;
  std::mutex sink_mutex;
  StreamStats stats;
  auto work = [&](const git::Repo& handle) {
    while (auto nb = queue.pop()) {
      ScannedBlob sb =
          scan_one_blob(engine, *nb, handle.read_blob(nb->id, max_blob_bytes), Deadline::max());
      std::lock_guard lock(sink_mutex);
      ++stats.blobs;
      if (sb.status == BlobStatus::scanned || sb.status == BlobStatus::regex_limit)
        stats.bytes_scanned += sb.size;
      sink(*nb, std::move(sb));
    }
  };
  std::vector<std::thread> pool;
  for (auto& h : handles)
    pool.emplace_back(work, std::cref(h));
  Status walked = git::for_each_reachable_blob(repo, tips, [&](git::TreeBlob&& b) {
    queue.push({std::move(b.id), std::move(b.commit), std::move(b.path), 0});
  });
  queue.close();
  for (auto& t : pool)
    t.join();
  if (!walked)
    return walked.error();
  return stats;
}

} // namespace custody::secrets
