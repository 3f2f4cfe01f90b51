// Single-precision GEMM for the rnnlab kernel (one source per ISA path, see simd.h).
//
//   C[M,N] = (accumulate ? C : 0) + op(A)[M,K] * op(B)[K,N]       (row-major)
//   op(A)(i,k) = transA ? A[k*lda + i] : A[i*lda + k]
//   op(B)(k,j) = transB ? B[j*ldb + k] : B[k*ldb + j]
//
// Blocking (BLIS style, see gemm.cc for the cache reasoning):
//   micro tile  MR x NR = 4 x 3·VW  (12 vector accumulators, 3 B loads + 4 A
//                                   broadcasts per k step -> FMA bound):
//                                   4 x 48 AVX-512, 4 x 24 AVX2, 4 x 12 baseline
//   KC = 256 (depth of one packed block), MC = 128 rows of A per packed block,
//   NC = 240 columns of B per packed block.
//
// Packed B layout ("PackedB"): K is cut into blocks of KC rows; block p
// (rows p*KC .. p*KC+kc) starts at float offset p*KC*Npad (Npad = N rounded up
// to NR) and holds Npad/NR panels, panel j at offset j*kc*NR, each panel is kc
// rows of NR contiguous floats (zero padded past N).  A weight matrix that is
// used at every timestep (U for h·U, U^T for dGates·U^T) is packed once per
// call and reused T times.
#pragma once
#include "common.h"
#include "simd.h"

namespace rnn {
namespace RNN_ISA_NS {

constexpr int MR = 4;
constexpr int NR = 3 * VW;
constexpr int KC = 256;
constexpr int MC = 128;
constexpr int NCP = 240 / NR;  // panels per NC block (NC = 240)

struct PackedB {
  int K = 0, N = 0, Npad = 0;
  Buf data;
};

// Pack op(B) [K,N] in the layout above (whole matrix).
void pack_b(PackedB& pb, int K, int N, const float* B, int ldb, bool transB);

// C = (acc ? C : 0) + op(A) * B   using a pre-packed B.
void sgemm_packed(int M, const float* A, int lda, bool transA, const PackedB& B,
                  float* C, int ldc, bool accumulate, int nthreads);

// General GEMM (packs B on the fly, per thread).
void sgemm(int M, int N, int K, const float* A, int lda, bool transA, const float* B, int ldb,
           bool transB, float* C, int ldc, bool accumulate, int nthreads);

// Reference (naive) GEMM, used only by tests/benchmarks.
void sgemm_ref(int M, int N, int K, const float* A, int lda, bool transA, const float* B, int ldb,
               bool transB, float* C, int ldc, bool accumulate);

}  // namespace RNN_ISA_NS
}  // namespace rnn
