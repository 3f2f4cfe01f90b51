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
//     happens once per call (prepare_input / scatter_dx / copy of h).
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

// ---- helpers shared by the three cells (common.cc) ----

// xt[t*B+b, d] = x[b, tin(t), d] * inMask[b, d]   (tin = goBackwards ? T-1-t : t)
void prepare_input(const Dims& d, const float* x, const float* inMask, float* xt);

// dx[b, tin(t), :] = dxt[t*B+b, :] * inMask[b, :]
void scatter_dx(const Dims& d, const float* dxt, const float* inMask, float* dx);

struct Args;
// Per-step GEMM operand [Xm_t | Hm_{t-1}] : xh[b, 0:D] = x[b, tin(t), :] * inMask[b, :],
// xh[b, D:D+H] = hprev[b, :] * recMask[b, :]  (zeros when hprev == nullptr, i.e. t = 0).
void fill_xh(const Dims& d, const Args& a, int t, const float* hprev, float* xh);

// Batch-major output h[b, t, :] = hs[t*B + b, :]
void time_to_batch(int B, int T, int H, const float* hs, float* out);

// out[j] (+)= sum_r M[r*ld + j], r < rows
void col_sums(int rows, int cols, const float* M, int ld, float* out, bool accumulate);

// Masked copy of the previous-state matrix for the recurrent weight gradient:
// out[r, :] = hs[r, :] * recMask[r % B, :] for r < rows (plain copy when no mask).
void mask_rows(int rows, int B, int H, const float* hs, const float* recMask, float* out);

}  // namespace rnn
