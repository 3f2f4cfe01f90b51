// sgemm, one source for every ISA path (simd.h).  See gemm.h for the contract and the packed-B layout.
//
// Cache reasoning (32 KiB L1d, >= 512 KiB L2 per core):
//   * one packed B panel = KC x NR floats = 24 KiB (48 KiB with AVX-512's NR = 48,
//     then from L2) -> stays in L1 while the
//     micro-kernel sweeps all 4-row tiles of the packed A block;
//   * one packed A block = MC x KC floats = 128 KiB -> lives in L2, each 4-row
//     tile (4 KiB) streams from L2 once per B panel;
//   * one packed B block = KC x NC floats = 240 KiB -> L2/L3, re-used for
//     every MC block of A.
// Loop nest:  jc (NC) -> pc (KC) -> [pack B] -> ic (MC) -> [pack A] -> jr (24) -> ir (4) -> kernel.
#include "gemm.h"

#include <algorithm>
#include <vector>

#include "threadpool.h"

namespace rnn {
namespace RNN_ISA_NS {
namespace {

// Micro-kernel: C[R x ncols] (+)= Apanel[kc x MR] (only R rows used) * Bpanel[kc x NR] (only V vectors used).
// a: packed A tile, a[k*MR + r];  b: packed B panel, b[k*NR + c].
// R, V fixed at compile time so the R*V accumulators live in vector registers.
template <int R, int V>
void kern(int kc, const float* __restrict a, const float* __restrict b, float* __restrict C, int ldc,
          int ncols, bool acc) {
  vf c[R][V];
#pragma GCC unroll 4
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 3
    for (int v = 0; v < V; ++v) c[r][v] = vf{};

#pragma GCC unroll 4
  for (int k = 0; k < kc; ++k) {
    vf bv[V];
#pragma GCC unroll 3
    for (int v = 0; v < V; ++v) bv[v] = vload(b + v * VW);
#pragma GCC unroll 4
    for (int r = 0; r < R; ++r) {
      const vf av = vsplat(a[r]);
#pragma GCC unroll 3
      for (int v = 0; v < V; ++v) c[r][v] += av * bv[v];
    }
    a += MR;
    b += NR;
  }

  const int full = ncols / VW;
  const int rem = ncols % VW;
#pragma GCC unroll 4
  for (int r = 0; r < R; ++r) {
    float* cr = C + (size_t)r * ldc;
#pragma GCC unroll 3
    for (int v = 0; v < V; ++v) {
      if (v < full) {
        vf x = c[r][v];
        if (acc) x += vload(cr + v * VW);
        vstore(cr + v * VW, x);
      } else if (v == full && rem) {
        vf x = c[r][v];
        if (acc) x += vload_n(cr + v * VW, rem);
        vstore_n(cr + v * VW, x, rem);
      }
    }
  }
}

using KernFn = void (*)(int, const float*, const float*, float*, int, int, bool);
const KernFn kKern[4][3] = {
    {kern<1, 1>, kern<1, 2>, kern<1, 3>},
    {kern<2, 1>, kern<2, 2>, kern<2, 3>},
    {kern<3, 1>, kern<3, 2>, kern<3, 3>},
    {kern<4, 1>, kern<4, 2>, kern<4, 3>},
};

// Pack rows [i0, i0+mc) x depth [k0, k0+kc) of op(A) into 4-row tiles:
// tile t at out + t*kc*MR, element (k, r) at [k*MR + r]; rows past mc are zero.
void pack_a(int mc, int kc, const float* A, int lda, bool transA, int i0, int k0, float* out) {
  for (int ir = 0; ir < mc; ir += MR) {
    const int rows = std::min(MR, mc - ir);
    float* o = out + (size_t)ir * kc;
    if (transA) {
      // op(A)(i,k) = A[k*lda + i]: the 4 rows of a tile are contiguous per k.
      const float* src = A + (size_t)k0 * lda + i0 + ir;
      if (rows == MR) {
        for (int k = 0; k < kc; ++k) std::memcpy(o + k * MR, src + (size_t)k * lda, sizeof(float) * MR);
      } else {
        for (int k = 0; k < kc; ++k)
          for (int r = 0; r < MR; ++r) o[k * MR + r] = r < rows ? src[(size_t)k * lda + r] : 0.f;
      }
    } else {
      const float* rp[MR];
      for (int r = 0; r < MR; ++r) rp[r] = A + (size_t)(i0 + ir + std::min(r, rows - 1)) * lda + k0;
      int k = 0;
      for (; k < kc; ++k)
        for (int r = 0; r < MR; ++r) o[k * MR + r] = r < rows ? rp[r][k] : 0.f;
    }
  }
}

// Pack one NR-wide panel: out[k*NR + c] = op(B)(k0+k, j0+c), zero for c >= ncols.
void pack_b_panel(int kc, int ncols, const float* B, int ldb, bool transB, int k0, int j0, float* out) {
  if (!transB) {
    const float* src = B + (size_t)k0 * ldb + j0;
    if (ncols == NR) {
      for (int k = 0; k < kc; ++k) {
        const float* s = src + (size_t)k * ldb;
        float* o = out + k * NR;
        std::memcpy(o, s, sizeof(float) * NR);
      }
    } else {
      for (int k = 0; k < kc; ++k) {
        const float* s = src + (size_t)k * ldb;
        float* o = out + k * NR;
        int c = 0;
        for (; c < ncols; ++c) o[c] = s[c];
        for (; c < NR; ++c) o[c] = 0.f;
      }
    }
  } else {
    // op(B)(k,j) = B[j*ldb + k]: read each source row contiguously, write strided.
    for (int c = 0; c < NR; ++c) {
      if (c < ncols) {
        const float* s = B + (size_t)(j0 + c) * ldb + k0;
        for (int k = 0; k < kc; ++k) out[k * NR + c] = s[k];
      } else {
        for (int k = 0; k < kc; ++k) out[k * NR + c] = 0.f;
      }
    }
  }
}

struct BSrc {
  const PackedB* pk;  // non-null: pre-packed
  const float* B;
  int ldb;
  bool transB;
  int K, N;
};

// Serial GEMM over all M rows and the NR-panels [jp0, jp1) of B.
void gemm_serial(int M, const float* A, int lda, bool transA, const BSrc& bs, int jp0, int jp1,
                 float* C, int ldc, bool accumulate) {
  const int K = bs.K, N = bs.N;
  const int Npad = (N + NR - 1) / NR * NR;
  thread_local Buf abuf, bbuf;
  float* ap = abuf.ensure((size_t)MC * KC);
  float* bpk = bs.pk ? nullptr : bbuf.ensure((size_t)KC * NCP * NR);

  // A pre-packed B needs no NC blocking: take all panels at once so A is packed only once.
  const int ncp = bs.pk ? std::max(1, jp1 - jp0) : NCP;
  for (int jc = jp0; jc < jp1; jc += ncp) {
    const int jce = std::min(jc + ncp, jp1);
    for (int pc = 0; pc < K; pc += KC) {
      const int kc = std::min(KC, K - pc);
      const float* bblk;
      if (bs.pk) {
        bblk = bs.pk->data.p + (size_t)pc * Npad + (size_t)jc * kc * NR;
      } else {
        for (int j = jc; j < jce; ++j)
          pack_b_panel(kc, std::min(NR, N - j * NR), bs.B, bs.ldb, bs.transB, pc, j * NR,
                       bpk + (size_t)(j - jc) * kc * NR);
        bblk = bpk;
      }
      const bool acc = accumulate || pc > 0;
      for (int ic = 0; ic < M; ic += MC) {
        const int mc = std::min(MC, M - ic);
        pack_a(mc, kc, A, lda, transA, ic, pc, ap);
        for (int j = jc; j < jce; ++j) {
          const int ncols = std::min(NR, N - j * NR);
          const int nv = (ncols + VW - 1) / VW - 1;
          const float* bp = bblk + (size_t)(j - jc) * kc * NR;
          float* cj = C + (size_t)ic * ldc + j * NR;
          int ir = 0;
          for (; ir + MR <= mc; ir += MR)
            kKern[MR - 1][nv](kc, ap + (size_t)ir * kc, bp, cj + (size_t)ir * ldc, ldc, ncols, acc);
          if (ir < mc)
            kKern[mc - ir - 1][nv](kc, ap + (size_t)ir * kc, bp, cj + (size_t)ir * ldc, ldc, ncols, acc);
        }
      }
    }
  }
}

void zero_or_keep(int M, int N, float* C, int ldc, bool accumulate) {
  if (accumulate) return;
  for (int i = 0; i < M; ++i) std::memset(C + (size_t)i * ldc, 0, sizeof(float) * N);
}

void gemm_dispatch(int M, const float* A, int lda, bool transA, const BSrc& bs, float* C, int ldc,
                   bool accumulate, int nthreads) {
  const int N = bs.N, K = bs.K;
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    zero_or_keep(M, N, C, ldc, accumulate);
    return;
  }
  const int np = (N + NR - 1) / NR;
  const int mt = (M + MR - 1) / MR;
  const double flops = 2.0 * M * N * K;
  int nt = nthreads;
  if (flops < 2e5) nt = 1;  // dispatch costs more than it saves
  nt = std::min(nt, std::max(np, mt));
  if (nt <= 1) {
    gemm_serial(M, A, lda, transA, bs, 0, np, C, ldc, accumulate);
    return;
  }
  if (np >= mt || np >= 2 * nt) {
    nt = std::min(nt, np);
    parallel_for(nt, [&](int t) {
      const int j0 = (int)((long)np * t / nt), j1 = (int)((long)np * (t + 1) / nt);
      if (j1 > j0) gemm_serial(M, A, lda, transA, bs, j0, j1, C, ldc, accumulate);
    });
  } else {
    nt = std::min(nt, mt);
    parallel_for(nt, [&](int t) {
      const int m0 = (int)((long)mt * t / nt) * MR, m1 = std::min(M, (int)((long)mt * (t + 1) / nt) * MR);
      if (m1 <= m0) return;
      const float* a = transA ? A + m0 : A + (size_t)m0 * lda;
      gemm_serial(m1 - m0, a, lda, transA, bs, 0, np, C + (size_t)m0 * ldc, ldc, accumulate);
    });
  }
}

}  // namespace

void pack_b(PackedB& pb, int K, int N, const float* B, int ldb, bool transB) {
  pb.K = K;
  pb.N = N;
  pb.Npad = (N + NR - 1) / NR * NR;
  pb.data.ensure((size_t)std::max(K, 1) * pb.Npad);  // grow-only: chunk buffers are re-packed often
  for (int pc = 0; pc < K; pc += KC) {
    const int kc = std::min(KC, K - pc);
    float* blk = pb.data.p + (size_t)pc * pb.Npad;
    for (int j = 0; j * NR < N; ++j)
      pack_b_panel(kc, std::min(NR, N - j * NR), B, ldb, transB, pc, j * NR, blk + (size_t)j * kc * NR);
  }
}

void sgemm_packed(int M, const float* A, int lda, bool transA, const PackedB& B, float* C, int ldc,
                  bool accumulate, int nthreads) {
  BSrc bs{&B, nullptr, 0, false, B.K, B.N};
  gemm_dispatch(M, A, lda, transA, bs, C, ldc, accumulate, nthreads);
}

void sgemm(int M, int N, int K, const float* A, int lda, bool transA, const float* B, int ldb,
           bool transB, float* C, int ldc, bool accumulate, int nthreads) {
  BSrc bs{nullptr, B, ldb, transB, K, N};
  gemm_dispatch(M, A, lda, transA, bs, C, ldc, accumulate, nthreads);
}

void sgemm_ref(int M, int N, int K, const float* A, int lda, bool transA, const float* B, int ldb,
               bool transB, float* C, int ldc, bool accumulate) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      double s = accumulate ? C[(size_t)i * ldc + j] : 0.0;
      for (int k = 0; k < K; ++k) {
        const float a = transA ? A[(size_t)k * lda + i] : A[(size_t)i * lda + k];
        const float b = transB ? B[(size_t)j * ldb + k] : B[(size_t)k * ldb + j];
        s += (double)a * b;
      }
      C[(size_t)i * ldc + j] = (float)s;
    }
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
