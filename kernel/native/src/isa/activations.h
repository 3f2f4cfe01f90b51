// Vectorised activations and their derivatives (one source for every ISA path, see simd.h).
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
#include "common.h"
#include "simd.h"

namespace rnn {
namespace RNN_ISA_NS {

// exp(x) for x <= 0 (arguments below -87.3 are clamped: result ~1e-38).
static inline vf exp_neg(vf x) {
  x = vmax_nan(vsplat(-87.3f), x);
  x = vmin_nan(vf{}, x);
  // n = round(x / ln2): adding 1.5·2^23 rounds to an integer (|x/ln2| < 2^22).
  const vf magic = vsplat(12582912.0f);
  const vf n = (x * 1.44269504088896341f + magic) - magic;
  // r = x - n*ln2 in two parts (Cody-Waite)
  vf r = x - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  const vf r2 = r * r;
  vf p = vsplat(1.9875691500E-4f);
  p = p * r + 1.3981999507E-3f;
  p = p * r + 8.3334519073E-3f;
  p = p * r + 4.1665795894E-2f;
  p = p * r + 1.6666665459E-1f;
  p = p * r + 5.0000001201E-1f;
  p = p * r2 + r;
  p = p + 1.0f;
  // 2^n via exponent bits (n in [-126, 0]); NaN lanes give NaN through p.
  const vi e = (__builtin_convertvector(n, vi) + 127) << 23;
  return p * vbits(e);
}

static inline vf sigmoidv(vf x) {
  const vf e = exp_neg(-vabs(x));
  const vf s = 1.0f / (1.0f + e);
  return vselect(x < 0.0f, e * s, s);
}

static inline vf tanhv(vf x) {
  const vf ax = vabs(x);
  // small |x|: Cephes tanhf polynomial  x + x^3 P(x^2)
  const vf s = x * x;
  vf p = vsplat(-5.70498872745E-3f);
  p = p * s + 2.06390887954E-2f;
  p = p * s + -5.37397155531E-2f;
  p = p * s + 1.33314422036E-1f;
  p = p * s + -3.33332819422E-1f;
  const vf small = (p * s) * x + x;
  // large |x|: sign(x) * (1 - e) / (1 + e),  e = exp(-2|x|)
  const vf e = exp_neg(ax * -2.0f);
  vf big = (1.0f - e) / (1.0f + e);
  big = vbits(ibits(big) | (ibits(x) & (int32_t)0x80000000u));  // copy sign
  return vselect(ax < 0.625f, small, big);
}

// y = act(x); CODE is a compile-time constant, so the switch folds away.
template <int CODE>
static inline vf actT(vf x) {
  if constexpr (CODE == ACT_TANH) {
    return tanhv(x);
  } else if constexpr (CODE == ACT_SIGMOID) {
    return sigmoidv(x);
  } else if constexpr (CODE == ACT_HARD_SIGMOID) {
    return vmin_nan(vsplat(1.0f), vmax_nan(vf{}, x * 0.2f + 0.5f));
  } else if constexpr (CODE == ACT_RELU) {
    return vmax_nan(vf{}, x);
  } else {
    return x;
  }
}

// act'(x) expressed through y = act(x)
template <int CODE>
static inline vf dactT(vf y) {
  if constexpr (CODE == ACT_TANH) {
    return 1.0f - y * y;
  } else if constexpr (CODE == ACT_SIGMOID) {
    return y * (1.0f - y);
  } else if constexpr (CODE == ACT_HARD_SIGMOID) {
    return vselect((y > 0.0f) & (y < 1.0f), vsplat(0.2f), vf{});
  } else if constexpr (CODE == ACT_RELU) {
    return vselect(y > 0.0f, vsplat(1.0f), vf{});
  } else {
    return vsplat(1.0f);
  }
}

// x[i] = act(x[i] + bias[i])   (bias may be null)
void act_inplace(int code, float* x, const float* bias, int n);

// d[i] = act'(y[i])  computed from the activation output y
void dact_from_y(int code, const float* y, float* d, int n);

// Scalar version (tests)
float act_scalar(int code, float x);

}  // namespace RNN_ISA_NS
}  // namespace rnn
