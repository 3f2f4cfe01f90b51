#include "rows.h"

#include <algorithm>
#include <vector>

#include "cells.h"
#include "rows.h"

namespace rnn {
namespace RNN_ISA_NS {

void prepare_input(const Dims& d, const float* x, const float* inMask, float* xt) {
  const int B = d.B, T = d.T, D = d.D;
  for (int t = 0; t < T; ++t) {
    const int tin = d.goBackwards ? T - 1 - t : t;
    for (int b = 0; b < B; ++b) {
      const float* src = x + ((size_t)b * T + tin) * D;
      float* dst = xt + ((size_t)t * B + b) * D;
      if (inMask) {
        const float* m = inMask + (size_t)b * D;
        for (int k = 0; k < D; ++k) dst[k] = src[k] * m[k];
      } else {
        std::memcpy(dst, src, sizeof(float) * D);
      }
    }
  }
}

void scatter_dx(const Dims& d, const float* dxt, const float* inMask, float* dx) {
  const int B = d.B, T = d.T, D = d.D;
  for (int t = 0; t < T; ++t) {
    const int tin = d.goBackwards ? T - 1 - t : t;
    for (int b = 0; b < B; ++b) {
      const float* src = dxt + ((size_t)t * B + b) * D;
      float* dst = dx + ((size_t)b * T + tin) * D;
      if (inMask) {
        const float* m = inMask + (size_t)b * D;
        for (int k = 0; k < D; ++k) dst[k] = src[k] * m[k];
      } else {
        std::memcpy(dst, src, sizeof(float) * D);
      }
    }
  }
}

void fill_xh(const Dims& d, const Args& a, int t, const float* hprev, float* xh) {
  const int B = d.B, T = d.T, D = d.D, H = d.H, K = D + H;
  const int tin = d.goBackwards ? T - 1 - t : t;
  for (int b = 0; b < B; ++b) {
    float* o = xh + (size_t)b * K;
    const float* xs = a.x + ((size_t)b * T + tin) * D;
    if (a.inMask) {
      const float* m = a.inMask + (size_t)b * D;
      for (int k = 0; k < D; ++k) o[k] = xs[k] * m[k];
    } else {
      std::memcpy(o, xs, sizeof(float) * D);
    }
    o += D;
    if (!hprev) {
      std::memset(o, 0, sizeof(float) * H);
    } else if (a.recMask) {
      const float* hp = hprev + (size_t)b * H;
      const float* m = a.recMask + (size_t)b * H;
      for (int j = 0; j < H; ++j) o[j] = hp[j] * m[j];
    } else {
      std::memcpy(o, hprev + (size_t)b * H, sizeof(float) * H);
    }
  }
}

void time_to_batch(int B, int T, int H, const float* hs, float* out) {
  for (int t = 0; t < T; ++t)
    for (int b = 0; b < B; ++b)
      std::memcpy(out + ((size_t)b * T + t) * H, hs + ((size_t)t * B + b) * H, sizeof(float) * H);
}

void col_sums(int rows, int cols, const float* M, int ld, float* out, bool accumulate) {
  if (!accumulate) std::fill(out, out + cols, 0.f);
  for (int r = 0; r < rows; ++r) {
    const float* __restrict row = M + (size_t)r * ld;
    float* __restrict o = out;
    for (int j = 0; j < cols; ++j) o[j] += row[j];
  }
}

void mask_rows(int rows, int B, int H, const float* hs, const float* recMask, float* out) {
  for (int r = 0; r < rows; ++r) {
    const float* src = hs + (size_t)r * H;
    float* dst = out + (size_t)r * H;
    if (recMask) {
      const float* m = recMask + (size_t)(r % B) * H;
      for (int j = 0; j < H; ++j) dst[j] = src[j] * m[j];
    } else {
      std::memcpy(dst, src, sizeof(float) * H);
    }
  }
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
