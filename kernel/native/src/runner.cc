#include "runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <vector>

#include "isa.h"
#include "threadpool.h"

namespace rnn {

int block_rows(int B) {
  const int rows = std::max(16, (B + 15) / 16);
  return (rows + 3) / 4 * 4;
}

namespace {

struct Task {
  int call, block, b0, rows;
};

std::vector<Task> tasks_of(const SeqCall* calls, int n) {
  std::vector<Task> tasks;
  for (int c = 0; c < n; ++c) {
    const int B = calls[c].d.B, rb = block_rows(B);
    for (int b0 = 0, k = 0; b0 < B; b0 += rb, ++k) tasks.push_back({c, k, b0, std::min(rb, B - b0)});
  }
  return tasks;
}

// The block's view of a call: rows [b0, b0 + rows) of every batch-major array.
struct BlockView {
  Dims d;
  Args a;
  size_t cacheOffset;
};

BlockView view(const SeqCall& c, const Task& t, int gemmThreads) {
  BlockView v{c.d, c.a, 0};
  const size_t b0 = t.b0, T = c.d.T, D = c.d.D, H = c.d.H;
  v.d.B = t.rows;
  v.d.threads = gemmThreads;
  v.a.x = c.a.x + b0 * T * D;
  if (c.a.inMask) v.a.inMask = c.a.inMask + b0 * D;
  if (c.a.recMask) v.a.recMask = c.a.recMask + b0 * H;
  Dims before = c.d;
  before.B = t.b0;
  v.cacheOffset = cache_size(c.kind, before);
  return v;
}

// Threads are not worth waking for less work than this (flops of all the calls' products): a wake-up
// costs microseconds, about as long as these flops take on one core.
constexpr double kMinParallelFlops = 1e6;

int useful_threads(const SeqCall* calls, int n, int threads) {
  double flops = 0;
  for (int c = 0; c < n; ++c) {
    const Dims& d = calls[c].d;
    flops += 2.0 * d.B * d.T * (d.D + d.H) * gates_of(calls[c].kind) * d.H;
  }
  return flops < kMinParallelFlops ? 1 : threads;
}

// Runs every task once on up to `threads` threads; a single task gets the threads for its GEMMs.
template <class Fn>
void run_tasks(const std::vector<Task>& tasks, int threads, Fn&& fn) {
  const int nt = std::max(1, std::min<int>(threads, (int)tasks.size()));
  if (nt == 1) {
    const int gemmThreads = tasks.size() == 1 ? threads : 1;
    for (const Task& t : tasks) fn(t, gemmThreads);
    return;
  }
  // A task that throws (out of memory) on a pool thread must not end the process: the first error
  // is kept, the remaining tasks are skipped, and it is rethrown here on the caller's thread.
  std::atomic<size_t> next{0};
  std::mutex errorMutex;
  std::exception_ptr error;
  parallel_for(nt, [&](int) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < tasks.size();) {
      try {
        fn(tasks[i], 1);
      } catch (...) {
        std::lock_guard<std::mutex> lock(errorMutex);
        if (!error) error = std::current_exception();
        next.store(tasks.size());
      }
    }
  });
  if (error) std::rethrow_exception(error);
}

}  // namespace

void run_forward(SeqCall* calls, int n, int threads) {
  const IsaKernels& k = isa();
  run_tasks(tasks_of(calls, n), useful_threads(calls, n, threads), [&](const Task& t, int gemmThreads) {
    const SeqCall& c = calls[t.call];
    const BlockView v = view(c, t, gemmThreads);
    k.forward[c.kind](v.d, v.a, c.h + (size_t)t.b0 * c.d.T * c.d.H, c.cache + v.cacheOffset);
  });
}

void run_backward(SeqCall* calls, int n, int threads) {
  const IsaKernels& k = isa();
  const std::vector<Task> tasks = tasks_of(calls, n);
  // Block 0 of a call writes its weight gradients straight into the outputs; block k > 0 into its
  // own part of `partial`, added to the outputs in block order afterwards.
  std::vector<size_t> partialAt(tasks.size(), 0);
  size_t partialLen = 0;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const SeqCall& c = calls[tasks[i].call];
    if (tasks[i].block == 0) continue;
    partialAt[i] = partialLen;
    const size_t GH = (size_t)gates_of(c.kind) * c.d.H;
    partialLen += (size_t)(c.d.D + c.d.H) * GH + (c.dBias ? bias_size(c.kind, c.d) : 0);
  }
  Buf partial(partialLen);
  run_tasks(tasks, useful_threads(calls, n, threads), [&](const Task& t, int gemmThreads) {
    const SeqCall& c = calls[t.call];
    const BlockView v = view(c, t, gemmThreads);
    const size_t rowOffset = (size_t)t.b0 * c.d.T;
    float *dW = c.dW, *dU = c.dU, *dB = c.dBias;
    if (t.block > 0) {
      const size_t i = &t - tasks.data();
      const size_t GH = (size_t)gates_of(c.kind) * c.d.H;
      dW = partial.p + partialAt[i];
      dU = dW + (size_t)c.d.D * GH;
      dB = c.dBias ? dU + (size_t)c.d.H * GH : nullptr;
    }
    k.backward[c.kind](v.d, v.a, c.cacheIn + v.cacheOffset, c.dh + rowOffset * c.d.H, c.dx + rowOffset * c.d.D,
                       dW, dU, dB);
  });
  for (size_t i = 0; i < tasks.size(); ++i) {  // fixed order: block 1, 2, ... of each call
    if (tasks[i].block == 0) continue;
    const SeqCall& c = calls[tasks[i].call];
    const size_t GH = (size_t)gates_of(c.kind) * c.d.H;
    const size_t nW = (size_t)c.d.D * GH, nU = (size_t)c.d.H * GH;
    const float* p = partial.p + partialAt[i];
    for (size_t j = 0; j < nW; ++j) c.dW[j] += p[j];
    for (size_t j = 0; j < nU; ++j) c.dU[j] += p[nW + j];
    if (c.dBias) {
      const size_t nB = bias_size(c.kind, c.d);
      for (size_t j = 0; j < nB; ++j) c.dBias[j] += p[nW + nU + j];
    }
  }
}

}  // namespace rnn
