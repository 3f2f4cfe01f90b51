#include "activations.h"

namespace rnn {

template <int CODE>
static void act_loop(float* x, const float* bias, int n) {
  int i = 0;
  if (bias) {
    for (; i + 8 <= n; i += 8)
      _mm256_storeu_ps(x + i, act256(CODE, _mm256_add_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(bias + i))));
  } else {
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(x + i, act256(CODE, _mm256_loadu_ps(x + i)));
  }
  if (i < n) {  // tail through a padded temporary
    alignas(32) float t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (int k = 0; k < n - i; ++k) t[k] = x[i + k] + (bias ? bias[i + k] : 0.f);
    _mm256_store_ps(t, act256(CODE, _mm256_load_ps(t)));
    for (int k = 0; k < n - i; ++k) x[i + k] = t[k];
  }
}

void act_inplace(int code, float* x, const float* bias, int n) {
  switch (code) {
    case ACT_TANH: act_loop<ACT_TANH>(x, bias, n); break;
    case ACT_SIGMOID: act_loop<ACT_SIGMOID>(x, bias, n); break;
    case ACT_HARD_SIGMOID: act_loop<ACT_HARD_SIGMOID>(x, bias, n); break;
    case ACT_RELU: act_loop<ACT_RELU>(x, bias, n); break;
    default:
      if (bias)
        for (int i = 0; i < n; ++i) x[i] += bias[i];
      break;
  }
}

void dact_from_y(int code, const float* __restrict y, float* __restrict d, int n) {
  switch (code) {
    case ACT_TANH:
      for (int i = 0; i < n; ++i) d[i] = 1.0f - y[i] * y[i];
      break;
    case ACT_SIGMOID:
      for (int i = 0; i < n; ++i) d[i] = y[i] * (1.0f - y[i]);
      break;
    case ACT_HARD_SIGMOID:
      for (int i = 0; i < n; ++i) d[i] = (y[i] > 0.0f && y[i] < 1.0f) ? 0.2f : 0.0f;
      break;
    case ACT_RELU:
      for (int i = 0; i < n; ++i) d[i] = y[i] > 0.0f ? 1.0f : 0.0f;
      break;
    default:
      for (int i = 0; i < n; ++i) d[i] = 1.0f;
      break;
  }
}

float act_scalar(int code, float x) {
  alignas(32) float t[8] = {x, 0, 0, 0, 0, 0, 0, 0};
  _mm256_store_ps(t, act256(code, _mm256_load_ps(t)));
  return t[0];
}

}  // namespace rnn
