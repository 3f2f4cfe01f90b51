// Portable SIMD layer: GCC/Clang vector extensions, one source for every ISA path.
//
// The ISA-specific translation units (see isa.h) are compiled three times by build.mjs, each with its
// own -m flags and -DRNN_ISA_NS=<namespace>:
//   isa_avx512  -mavx512f -mavx512vl -mavx512dq -mavx512bw -mavx2 -mfma   VW = 16 floats (zmm)
//   isa_avx2    -mavx2 -mfma                                               VW = 8  (ymm)
//   isa_base    the target's baseline (SSE2 on x86-64, NEON/ASIMD on arm64) VW = 4
// so `vf` is a 512-, 256- or 128-bit register and `a * b + c` becomes an FMA where the path has one
// (-ffp-contract=fast).  Nothing here uses an instruction the path's flags do not allow.
#pragma once
#include <cstdint>
#include <cstring>

#ifndef RNN_ISA_NS
#error "compile ISA translation units with -DRNN_ISA_NS=<isa_base|isa_avx2|isa_avx512>"
#endif

namespace rnn {
namespace RNN_ISA_NS {

#if defined(RNN_ISA_AVX512)
constexpr int VW = 16;
#define RNN_ISA_NAME "avx512"
#define RNN_ISA_FEATURES "avx512f+avx512vl+avx512dq+avx512bw+avx2+fma"
#elif defined(RNN_ISA_AVX2)
constexpr int VW = 8;
#define RNN_ISA_NAME "avx2"
#define RNN_ISA_FEATURES "avx2+fma"
#else
constexpr int VW = 4;
#define RNN_ISA_NAME "baseline"
#if defined(__x86_64__) || defined(__i386__)
#define RNN_ISA_FEATURES "sse2"
#elif defined(__aarch64__)
#define RNN_ISA_FEATURES "asimd"
#else
#define RNN_ISA_FEATURES "generic"
#endif
#endif

typedef float vf __attribute__((vector_size(VW * 4), aligned(VW * 4)));
typedef int32_t vi __attribute__((vector_size(VW * 4), aligned(VW * 4)));

static inline vf vload(const float* p) {
  vf v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
static inline void vstore(float* p, vf v) { std::memcpy(p, &v, sizeof v); }
// First n (0..VW) lanes from / to memory; the other lanes read 0 and are never written.
static inline vf vload_n(const float* p, int n) {
  float t[VW] = {};
  std::memcpy(t, p, sizeof(float) * n);
  return vload(t);
}
static inline void vstore_n(float* p, vf v, int n) {
  float t[VW];
  vstore(t, v);
  std::memcpy(p, t, sizeof(float) * n);
}
static inline vf vsplat(float x) { return vf{} + x; }
static inline vf vbits(vi x) { return (vf)x; }  // bit casts
static inline vi ibits(vf x) { return (vi)x; }
// max(lo, x) / min(hi, x) that return x when x is NaN (NaNs propagate).
static inline vf vmax_nan(vf lo, vf x) { return x < lo ? lo : x; }
static inline vf vmin_nan(vf hi, vf x) { return x > hi ? hi : x; }
static inline vf vabs(vf x) { return vbits(ibits(x) & 0x7fffffff); }
static inline vf vselect(vi m, vf a, vf b) { return m ? a : b; }

// Full-width and tail (first n lanes) access, so one loop body serves both.
struct IOFull {
  vf ld(const float* p) const { return vload(p); }
  void st(float* p, vf v) const { vstore(p, v); }
};
struct IOTail {
  int n;
  vf ld(const float* p) const { return vload_n(p, n); }
  void st(float* p, vf v) const { vstore_n(p, v, n); }
};

// body(io, j) over j = 0, VW, 2VW, ... < H; the H % VW tail with IOTail.
template <class Body>
static inline void for_lanes(int H, Body&& body) {
  int j = 0;
  for (; j + VW <= H; j += VW) body(IOFull{}, j);
  if (j < H) body(IOTail{H - j}, j);
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
