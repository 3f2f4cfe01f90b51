#include "activations.h"

#include "cellmath.h"

namespace rnn {
namespace RNN_ISA_NS {

void act_inplace(int code, float* x, const float* bias, int n) {
  pick_act(code, [&](auto A) {
    constexpr int C = decltype(A)::value;
    if (C == ACT_LINEAR && !bias) return;
    for_lanes(n, [&](auto io, int i) {
      vf v = io.ld(x + i);
      if (bias) v = v + io.ld(bias + i);
      io.st(x + i, actT<C>(v));
    });
  });
}

void dact_from_y(int code, const float* y, float* d, int n) {
  pick_act(code, [&](auto A) {
    constexpr int C = decltype(A)::value;
    for_lanes(n, [&](auto io, int i) { io.st(d + i, dactT<C>(io.ld(y + i))); });
  });
}

float act_scalar(int code, float x) {
  float t[VW] = {x};
  pick_act(code, [&](auto A) { vstore(t, actT<decltype(A)::value>(vload(t))); });
  return t[0];
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
