// rnnlab native kernel — shared definitions.
//
// Internal conventions (all cells):
//   * Every sequence tensor is kept TIME-MAJOR in PROCESSING order inside the
//     kernel: row (t*B + b) of a [T*B, X] matrix belongs to processed step t,
//     batch element b.  With goBackwards=1, processed step t reads input
//     timestep T-1-t.  This makes the per-step slice of every buffer one
//     contiguous [B, X] block, so the recurrent GEMM and the element-wise cell
//     math both stream contiguous memory.
//   * The JS side gives/receives batch-major [B, T, X] arrays; the conversion
//     happens once per call (isa/rows.h).
//   * Code compiled once per ISA path lives in isa/ (namespace rnn::isa_*, see
//     isa/simd.h); this header and the files next to it are compiled once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace rnn {

enum Kind { KIND_LSTM = 0, KIND_GRU = 1, KIND_SIMPLE = 2 };
enum Act { ACT_TANH = 0, ACT_SIGMOID = 1, ACT_HARD_SIGMOID = 2, ACT_RELU = 3, ACT_LINEAR = 4 };

struct Dims {
  int B, T, D, H;
  int goBackwards;
  int act, recAct;
  int threads;
};

// Number of gate blocks per cell kind: LSTM i,f,c,o; GRU z,r,h; SimpleRNN 1.
inline int gates_of(int kind) { return kind == KIND_LSTM ? 4 : kind == KIND_GRU ? 3 : 1; }

// 64-byte aligned scratch buffer (owned by the kernel, never handed to JS).
struct Buf {
  float* p = nullptr;
  size_t n = 0;
  Buf() = default;
  explicit Buf(size_t count, bool zero = false) { reset(count, zero); }
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  ~Buf() { std::free(p); }
  void reset(size_t count, bool zero = false) {
    std::free(p);
    p = nullptr;
    n = count;
    if (count) {
      size_t bytes = ((count * sizeof(float)) + 63) & ~size_t(63);
      p = static_cast<float*>(std::aligned_alloc(64, bytes));
      if (!p) throw std::bad_alloc();
      if (zero) std::memset(p, 0, count * sizeof(float));
    }
  }
  // Grow-only reuse (contents undefined after growth).
  float* ensure(size_t count) {
    if (count > n) reset(count);
    return p;
  }
};

// Arrays a cell reads (Keras layouts, see README.md).
struct Args {
  const float* x;
  const float* W;
  const float* U;
  const float* bias;     // nullable
  const float* inMask;   // nullable, [B,D]
  const float* recMask;  // nullable, [B,H]
};

// Cache length (floats) forward() fills for kind/dims: linear in B (README "Cache layout").
inline size_t cache_size(int kind, const Dims& d) {
  const size_t TBH = (size_t)d.T * d.B * d.H;
  switch (kind) {
    case KIND_LSTM: return TBH * 7;  // gates(4) + c + act(c) + h
    case KIND_GRU: return TBH * 5;   // z,r,hh(3) + rh + h
    default: return TBH;             // h
  }
}

// Bias length (floats) for kind/dims.
inline size_t bias_size(int kind, const Dims& d) {
  const size_t GH = (size_t)gates_of(kind) * d.H;
  return kind == KIND_GRU ? 2 * GH : GH;
}

}  // namespace rnn
