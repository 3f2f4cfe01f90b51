// Helpers for the fused, vectorised element-wise cell code.
//
// The per-step element-wise work of each cell (activations, state update,
// gate gradients) is written once as a template on the two activation codes
// and instantiated for all 5x5 combinations, so that every activation and
// derivative is inlined into one pass over the gate rows (no per-element
// branches, no temporaries).  pick_act() maps runtime codes to a template
// instance.  Rows are processed 8 floats at a time; the H % 8 tail uses
// masked loads/stores (masked lanes read 0 and are never written).
#pragma once
#include <immintrin.h>

#include <type_traits>

#include "activations.h"

namespace rnn {

struct IOFull {
  static inline __m256 ld(const float* p, __m256i) { return _mm256_loadu_ps(p); }
  static inline void st(float* p, __m256i, __m256 v) { _mm256_storeu_ps(p, v); }
};
struct IOTail {
  static inline __m256 ld(const float* p, __m256i m) { return _mm256_maskload_ps(p, m); }
  static inline void st(float* p, __m256i m, __m256 v) { _mm256_maskstore_ps(p, m, v); }
};

inline __m256i lane_mask(int n) {  // first n (0..8) lanes on
  const __m256i idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), idx);
}

// act'(x) expressed through y = act(x)
template <int CODE>
static inline __m256 dact256(__m256 y) {
  const __m256 one = _mm256_set1_ps(1.0f);
  if constexpr (CODE == ACT_TANH) {
    return _mm256_fnmadd_ps(y, y, one);  // 1 - y^2
  } else if constexpr (CODE == ACT_SIGMOID) {
    return _mm256_mul_ps(y, _mm256_sub_ps(one, y));
  } else if constexpr (CODE == ACT_HARD_SIGMOID) {
    const __m256 in = _mm256_and_ps(_mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_GT_OQ),
                                    _mm256_cmp_ps(y, one, _CMP_LT_OQ));
    return _mm256_and_ps(in, _mm256_set1_ps(0.2f));
  } else if constexpr (CODE == ACT_RELU) {
    return _mm256_and_ps(_mm256_cmp_ps(y, _mm256_setzero_ps(), _CMP_GT_OQ), one);
  } else {
    return one;
  }
}

template <int CODE>
static inline __m256 actT(__m256 x) {
  return act256(CODE, x);  // CODE is a constant: the switch folds away
}

// Run f(std::integral_constant<int, code>{}) for a runtime activation code.
template <class F>
inline void pick_act(int code, F&& f) {
  switch (code) {
    case ACT_TANH: f(std::integral_constant<int, ACT_TANH>{}); break;
    case ACT_SIGMOID: f(std::integral_constant<int, ACT_SIGMOID>{}); break;
    case ACT_HARD_SIGMOID: f(std::integral_constant<int, ACT_HARD_SIGMOID>{}); break;
    case ACT_RELU: f(std::integral_constant<int, ACT_RELU>{}); break;
    default: f(std::integral_constant<int, ACT_LINEAR>{}); break;
  }
}

// Apply body.template operator()<IO>(j, mask) over j = 0, 8, ..., H (tail masked).
template <class Body>
inline void for_lanes(int H, Body&& body) {
  const __m256i all = _mm256_set1_epi32(-1);
  int j = 0;
  for (; j + 8 <= H; j += 8) body(IOFull{}, j, all);
  if (j < H) body(IOTail{}, j, lane_mask(H - j));
}

}  // namespace rnn
