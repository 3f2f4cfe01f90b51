// This ISA path's entry points as one IsaKernels table (../isa.h).
#include <algorithm>
#include <chrono>
#include <vector>

#include "activations.h"
#include "cells.h"
#include "gemm.h"
#include "isa.h"

namespace rnn {
namespace RNN_ISA_NS {
namespace {

void sgemm_plain(int M, int N, int K, const float* A, bool tA, const float* B, bool tB, float* C, int threads) {
  sgemm(M, N, K, A, tA ? M : K, tA, B, tB ? K : N, tB, C, N, false, threads);
}

double sgemm_bench(int M, int N, int K, bool tA, bool tB, int threads, int reps, bool prepacked) {
  std::vector<float> A((size_t)M * K), B((size_t)K * N), C((size_t)M * N);
  for (size_t i = 0; i < A.size(); ++i) A[i] = (float)((i * 2654435761u) % 1000) / 1000.f - 0.5f;
  for (size_t i = 0; i < B.size(); ++i) B[i] = (float)((i * 40503u) % 1000) / 1000.f - 0.5f;
  PackedB pb;
  if (prepacked) pack_b(pb, K, N, B.data(), tB ? K : N, tB);
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    if (prepacked)
      sgemm_packed(M, A.data(), tA ? M : K, tA, pb, C.data(), N, false, threads);
    else
      sgemm(M, N, K, A.data(), tA ? M : K, tA, B.data(), tB ? K : N, tB, C.data(), N, false, threads);
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

}  // namespace

extern const IsaKernels kTable;
const IsaKernels kTable = {
    RNN_ISA_NAME,
    RNN_ISA_FEATURES,
    VW,
    {lstm_forward, gru_forward, simple_forward},
    {lstm_backward, gru_backward, simple_backward},
    sgemm_plain,
    sgemm_bench,
    act_scalar,
};

}  // namespace RNN_ISA_NS
}  // namespace rnn
