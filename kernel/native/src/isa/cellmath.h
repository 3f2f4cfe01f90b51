// Helpers for the fused, vectorised element-wise cell code.
//
// The per-step element-wise work of each cell (activations, state update,
// gate gradients) is written once as a template on the two activation codes
// and instantiated for all 5x5 combinations, so that every activation and
// derivative is inlined into one pass over the gate rows (no per-element
// branches, no temporaries).  pick_act() maps runtime codes to a template
// instance.  Rows are processed VW floats at a time (simd.h); the H % VW tail
// goes through for_lanes' IOTail (lanes past the row read 0, never written).
#pragma once
#include <type_traits>

#include "activations.h"

namespace rnn {
namespace RNN_ISA_NS {

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

}  // namespace RNN_ISA_NS
}  // namespace rnn
