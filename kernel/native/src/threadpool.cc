#include "threadpool.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define RNN_PAUSE() _mm_pause()
#else
#define RNN_PAUSE() std::this_thread::yield()
#endif

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace rnn {
namespace {

constexpr int kSpin = 4000;  // ~40-60 us of _mm_pause before sleeping

struct Pool {
  std::mutex use_mu;  // one dispatcher at a time
  std::mutex cv_mu;
  std::condition_variable cv;
  std::atomic<uint64_t> gen{0};
  std::atomic<int> remaining{0};
  const std::function<void(int)>* job = nullptr;
  int njobs = 0;
  int nworkers = 0;

  // `seen` is the generation current when the worker was created (read under
  // use_mu before the job that needs it is published), so a slow thread start
  // can never skip its first job.
  void worker(int tid, uint64_t seen) {
    for (;;) {
      int spins = 0;
      while (gen.load(std::memory_order_acquire) == seen) {
        if (++spins < kSpin) {
          RNN_PAUSE();
        } else {
          std::unique_lock<std::mutex> lk(cv_mu);
          cv.wait(lk, [&] { return gen.load(std::memory_order_acquire) != seen; });
        }
      }
      seen = gen.load(std::memory_order_acquire);
      // Every worker acknowledges every generation (even with nothing to do),
      // so no worker can lag behind and read the next job's parameters.
      if (tid < njobs) (*job)(tid);
      remaining.fetch_sub(1, std::memory_order_acq_rel);
    }
  }

  void grow(int n) {  // called with use_mu held
    while (nworkers < n) {
      int tid = ++nworkers;  // workers are tids 1..nworkers
      const uint64_t g = gen.load(std::memory_order_acquire);
      std::thread([this, tid, g] { worker(tid, g); }).detach();
    }
  }
};

Pool* pool() {
  static Pool* p = new Pool();  // intentionally leaked: detached workers outlive statics
  return p;
}

}  // namespace

void parallel_for(int n, const std::function<void(int)>& fn) {
  if (n <= 1) {
    if (n == 1) fn(0);
    return;
  }
  Pool* p = pool();
  std::unique_lock<std::mutex> use(p->use_mu, std::try_to_lock);
  if (!use.owns_lock()) {  // pool busy (another JS thread): run serially
    for (int i = 0; i < n; ++i) fn(i);
    return;
  }
  p->grow(n - 1);
  p->job = &fn;
  p->njobs = n;
  p->remaining.store(p->nworkers, std::memory_order_release);
  {
    std::lock_guard<std::mutex> lk(p->cv_mu);
    p->gen.fetch_add(1, std::memory_order_acq_rel);
  }
  p->cv.notify_all();
  fn(0);
  // Spin briefly, then yield: on a busy machine a worker may be waiting for a core, which a spinning
  // caller would keep from it.
  for (int spins = 0; p->remaining.load(std::memory_order_acquire) != 0; ++spins) {
    if (spins < kSpin) {
      RNN_PAUSE();
    } else {
      std::this_thread::yield();
    }
  }
}

}  // namespace rnn
