// Runs whole-sequence calls on threads: a FIXED partition of each call's batch
// into blocks of rows, so the results never depend on the thread count.
//
// A call's batch is cut into blocks of block_rows(B) consecutive rows (a
// function of B only).  Each block runs through all time steps on one thread
// (rows of a recurrent layer are independent), reading and writing its own
// slices of x, masks, h, dh, dx and its own part of the cache (block k's cache
// starts at cache_size(kind, B = first row of k): the cache layout is the
// concatenation of the blocks' caches).  In backward each block computes its
// own dW / dU / dBias, and these are summed in block order (block 0 + block 1
// + ...) after all blocks finish.  Blocks of all the calls given at once (the
// two directions of a Bidirectional layer) share one pool of threads.
#pragma once
#include "common.h"

namespace rnn {

struct SeqCall {
  int kind;
  Dims d;
  Args a;
  // forward: outputs
  float* h = nullptr;
  float* cache = nullptr;
  // backward: inputs cache / dh, outputs dx / dW / dU / dBias (dBias null without bias)
  const float* cacheIn = nullptr;
  const float* dh = nullptr;
  float* dx = nullptr;
  float* dW = nullptr;
  float* dU = nullptr;
  float* dBias = nullptr;
};

// Rows per block for a batch of B rows: 16, or more for big batches (at most 16 blocks).
int block_rows(int B);

// Runs the calls' forward (backward) passes on up to `threads` threads.
void run_forward(SeqCall* calls, int n, int threads);
void run_backward(SeqCall* calls, int n, int threads);

}  // namespace rnn
