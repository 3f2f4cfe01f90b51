#include "bptt.h"

#include <algorithm>

namespace rnn {
namespace RNN_ISA_NS {

Bptt::Bptt(const Dims& d, const Args& a, int G, bool shared, const float* hs, float* dx, float* dW,
           float* dU, float* dBin, float* dBrec)
    : d_(d), a_(a), G_(G), GH_(G * d.H), shared_(shared), hs_(hs), dx_(dx), dW_(dW), dU_(dU),
      dBin_(dBin), dBrec_(dBrec) {
  const int B = d.B, T = d.T, D = d.D, H = d.H, GH = GH_;
  CH_ = std::max(1, std::min(T, KC / B));
  c0_ = ((T - 1) / CH_) * CH_;  // chunks are aligned to multiples of CH from step 0
  cx_.reset((size_t)CH_ * B * GH);
  if (!shared) cr_.reset((size_t)CH_ * B * GH);
  if (shared) {
    // op(B) = [U^T | W^T] : [GH, H+D];  source rows = U rows then W rows.
    Buf cat((size_t)(H + D) * GH);
    std::memcpy(cat.p, a.U, sizeof(float) * H * GH);
    std::memcpy(cat.p + (size_t)H * GH, a.W, sizeof(float) * D * GH);
    pack_b(fused_, GH, H + D, cat.p, GH, true);
    out_.reset((size_t)B * (H + D));
  } else {
    pack_b(fused_, GH, H, a.U, GH, true);
    pack_b(wt_, GH, D, a.W, GH, true);
    out_.reset((size_t)B * std::max(H, D));
  }
  xt_.reset((size_t)CH_ * B * D);
  hm_.reset((size_t)CH_ * B * H);
}

void Bptt::finish_step(int t, float* dhCarry) {
  const int B = d_.B, T = d_.T, D = d_.D, H = d_.H, GH = GH_;
  const int nt = d_.threads;
  const int tin = d_.goBackwards ? T - 1 - t : t;
  auto put_dx = [&](const float* src, int ld) {
    for (int b = 0; b < B; ++b) {
      const float* s = src + (size_t)b * ld;
      float* o = dx_ + ((size_t)b * T + tin) * D;
      if (a_.inMask) {
        const float* m = a_.inMask + (size_t)b * D;
        for (int k = 0; k < D; ++k) o[k] = s[k] * m[k];
      } else {
        std::memcpy(o, s, sizeof(float) * D);
      }
    }
  };
  auto put_dh = [&](const float* src, int ld) {
    for (int b = 0; b < B; ++b) {
      const float* s = src + (size_t)b * ld;
      float* o = dhCarry + (size_t)b * H;
      if (a_.recMask) {
        const float* m = a_.recMask + (size_t)b * H;
        for (int j = 0; j < H; ++j) o[j] = s[j] * m[j];
      } else {
        std::memcpy(o, s, sizeof(float) * H);
      }
    }
  };
  if (shared_) {
    // [dh | dx] = dG_t · [U^T | W^T]
    sgemm_packed(B, dX(t), GH, false, fused_, out_.p, H + D, false, nt);
    if (t > 0) put_dh(out_.p, H + D);
    put_dx(out_.p + H, H + D);
  } else {
    if (t > 0) {
      sgemm_packed(B, dR(t), GH, false, fused_, out_.p, H, false, nt);
      put_dh(out_.p, H);
    }
    sgemm_packed(B, dX(t), GH, false, wt_, out_.p, D, false, nt);
    put_dx(out_.p, D);
  }
  if (t == c0_) {
    flush();
    c0_ -= CH_;
  }
}

// Weight / bias gradients of the chunk [c0_, c0_+n): dW += Xm^T dX, dU += Hm_prev^T dR.
void Bptt::flush() {
  const int B = d_.B, T = d_.T, D = d_.D, H = d_.H, GH = GH_;
  const int nt = d_.threads;
  const int n = std::min(CH_, T - c0_);
  const int rows = n * B;
  const bool acc = !first_;
  first_ = false;

  // Xm rows of the chunk, time-major: xt[(t-c0)*B + b, :] = x[b, tin(t), :] * m_in[b, :]
  for (int s = 0; s < n; ++s) {
    const int t = c0_ + s;
    const int tin = d_.goBackwards ? T - 1 - t : t;
    for (int b = 0; b < B; ++b) {
      const float* src = a_.x + ((size_t)b * T + tin) * D;
      float* o = xt_.p + ((size_t)s * B + b) * D;
      if (a_.inMask) {
        const float* m = a_.inMask + (size_t)b * D;
        for (int k = 0; k < D; ++k) o[k] = src[k] * m[k];
      } else {
        std::memcpy(o, src, sizeof(float) * D);
      }
    }
  }
  pack_b(chunkB_, rows, GH, cx_.p, GH, false);
  sgemm_packed(D, xt_.p, D, true, chunkB_, dW_, GH, acc, nt);
  if (dBin_) col_sums(rows, GH, cx_.p, GH, dBin_, acc);

  // dU: rows of steps t >= 1 only (h_{-1} = 0).  Hm_prev rows = hs rows of steps t-1.
  const int skip = c0_ == 0 ? 1 : 0;
  const int urows = (n - skip) * B;
  const float* dr = shared_ ? cx_.p : cr_.p;
  if (!shared_) pack_b(chunkB_, rows, GH, dr, GH, false);
  const float* hprev = hs_ + (size_t)(c0_ + skip - 1) * B * H;
  if (urows > 0) {
    const float* A = hprev;
    if (a_.recMask) {
      mask_rows(urows, B, H, hprev, a_.recMask, hm_.p);
      A = hm_.p;
    }
    if (skip) {
      // the packed chunk starts at step c0_=0; pack only the rows of steps >= 1
      pack_b(chunkB_, urows, GH, dr + (size_t)B * GH, GH, false);
    }
    sgemm_packed(H, A, H, true, chunkB_, dU_, GH, acc, nt);
  } else if (!acc) {
    std::memset(dU_, 0, sizeof(float) * (size_t)H * GH);
  }
  if (dBrec_) col_sums(rows, GH, dr, GH, dBrec_, acc);
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
