// Vectorised activations (AVX2/FMA) and their derivatives.
//
//   tanh      y = tanh(x)                     dy/dx = 1 - y^2
//   sigmoid   y = 1 / (1 + e^-x)              dy/dx = y (1 - y)
//   hardSig   y = clip(0.2 x + 0.5, 0, 1)     dy/dx = 0.2 if 0 < y < 1 else 0   (tfjs form)
//   relu      y = max(x, 0)                   dy/dx = [y > 0]
//   linear    y = x                           dy/dx = 1
// All derivatives are evaluated from the activation OUTPUT y, which is what
// the cells keep in their caches.
//
// Accuracy: exp is the Cephes expf polynomial (~1 ulp on the reduced range);
// sigmoid uses e = exp(-|x|) and s = 1/(1+e) (or e*s for x < 0) so both tails
// keep full relative precision; tanh uses the Cephes tanhf odd polynomial for
// |x| < 0.625 and (1-e)/(1+e), e = exp(-2|x|), above — a few ulp everywhere,
// no cancellation near 0.  No -ffast-math is needed or used; NaNs propagate.
#pragma once
#include <immintrin.h>

#include "common.h"

namespace rnn {

// exp(x) for x <= 0 (arguments below -87.3 are clamped: result ~1e-38).
static inline __m256 exp_neg256(__m256 x) {
  const __m256 lo = _mm256_set1_ps(-87.3f);
  x = _mm256_max_ps(lo, x);                     // NaN in x propagates (second operand)
  x = _mm256_min_ps(_mm256_setzero_ps(), x);
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                   _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  // r = x - n*ln2 in two parts (Cody-Waite)
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  const __m256 r2 = _mm256_mul_ps(r, r);
  __m256 p = _mm256_set1_ps(1.9875691500E-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507E-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073E-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894E-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459E-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201E-1f));
  p = _mm256_fmadd_ps(p, r2, r);
  p = _mm256_add_ps(p, _mm256_set1_ps(1.0f));
  // 2^n via exponent bits (n in [-126, 0])
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

static inline __m256 abs256(__m256 x) {
  return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), x);
}

static inline __m256 sigmoid256(__m256 x) {
  const __m256 e = exp_neg256(_mm256_sub_ps(_mm256_setzero_ps(), abs256(x)));
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 s = _mm256_div_ps(one, _mm256_add_ps(one, e));
  const __m256 neg = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_LT_OQ);
  return _mm256_blendv_ps(s, _mm256_mul_ps(e, s), neg);
}

static inline __m256 tanh256(__m256 x) {
  const __m256 ax = abs256(x);
  // small |x|: Cephes tanhf polynomial  x + x^3 P(x^2)
  const __m256 s = _mm256_mul_ps(x, x);
  __m256 p = _mm256_set1_ps(-5.70498872745E-3f);
  p = _mm256_fmadd_ps(p, s, _mm256_set1_ps(2.06390887954E-2f));
  p = _mm256_fmadd_ps(p, s, _mm256_set1_ps(-5.37397155531E-2f));
  p = _mm256_fmadd_ps(p, s, _mm256_set1_ps(1.33314422036E-1f));
  p = _mm256_fmadd_ps(p, s, _mm256_set1_ps(-3.33332819422E-1f));
  const __m256 small = _mm256_fmadd_ps(_mm256_mul_ps(p, s), x, x);
  // large |x|: sign(x) * (1 - e) / (1 + e),  e = exp(-2|x|)
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 e = exp_neg256(_mm256_mul_ps(ax, _mm256_set1_ps(-2.0f)));
  __m256 big = _mm256_div_ps(_mm256_sub_ps(one, e), _mm256_add_ps(one, e));
  big = _mm256_or_ps(big, _mm256_and_ps(x, _mm256_set1_ps(-0.0f)));  // copy sign
  const __m256 useSmall = _mm256_cmp_ps(ax, _mm256_set1_ps(0.625f), _CMP_LT_OQ);
  return _mm256_blendv_ps(big, small, useSmall);
}

static inline __m256 act256(int code, __m256 x) {
  switch (code) {
    case ACT_TANH: return tanh256(x);
    case ACT_SIGMOID: return sigmoid256(x);
    case ACT_HARD_SIGMOID: {
      const __m256 y = _mm256_fmadd_ps(x, _mm256_set1_ps(0.2f), _mm256_set1_ps(0.5f));
      return _mm256_min_ps(_mm256_set1_ps(1.0f), _mm256_max_ps(_mm256_setzero_ps(), y));
    }
    case ACT_RELU: return _mm256_max_ps(_mm256_setzero_ps(), x);
    default: return x;
  }
}

// x[i] = act(x[i] + bias[i])   (bias may be null)
void act_inplace(int code, float* x, const float* bias, int n);

// d[i] = act'(y[i])  computed from the activation output y
void dact_from_y(int code, const float* y, float* d, int n);

// Scalar versions (tests / tails)
float act_scalar(int code, float x);

}  // namespace rnn
