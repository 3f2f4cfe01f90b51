// The kernel's ISA paths and the choice between them at run time.
//
// Everything under isa/ is compiled once per path with that path's -m flags
// (build.mjs) into its own namespace, and exports one IsaKernels table
// (isa/table.cc).  dispatch.cc picks a table when the addon loads: the widest
// path the CPU (and OS) supports — AVX-512 (F, VL, DQ, BW), else AVX2 + FMA,
// else the baseline — or the one RNNLAB_NATIVE_ISA names (baseline | avx2 |
// avx512; an unsupported one is an error, see binding.cc).  Nothing outside
// isa/ uses an instruction the baseline lacks.
#pragma once
#include "common.h"

namespace rnn {

struct IsaKernels {
  const char* name;  // "avx512", "avx2", "baseline"
  const char* features;  // what the path's code uses, e.g. "avx512f+avx512vl+avx512dq+avx512bw+fma"
  int vectorFloats;  // floats per vector register
  void (*forward[3])(const Dims&, const Args&, float* h, float* cache);  // by Kind
  void (*backward[3])(const Dims&, const Args&, const float* cache, const float* dh, float* dx, float* dW,
                      float* dU, float* dBias);
  // C = op(A)·op(B) (row-major, lda/ldb implied), threads >= 1
  void (*sgemm)(int M, int N, int K, const float* A, bool tA, const float* B, bool tB, float* C, int threads);
  // best seconds per call of `reps` sgemm calls; B packed outside the timing when prepacked
  double (*sgemmBench)(int M, int N, int K, bool tA, bool tB, int threads, int reps, bool prepacked);
  float (*actScalar)(int code, float x);
};

// The table in use (chosen once, thread-safe), and why: "" or an error message
// when RNNLAB_NATIVE_ISA names a path this CPU or build lacks.
const IsaKernels& isa();
const char* isa_error();
// Makes `k` the path in use (tests: check.mjs runs every path).
void set_isa(const IsaKernels& k);
// A path by name, or nullptr when it is not built or the CPU lacks it.
const IsaKernels* isa_named(const char* name);
// The paths the CPU supports, widest first, comma separated ("avx512,avx2,baseline").
const char* isa_available();

}  // namespace rnn
