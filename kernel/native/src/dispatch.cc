// Chooses the ISA path when the addon loads (see isa.h).
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>

#include "isa.h"

namespace rnn {
namespace isa_base { extern const IsaKernels kTable; }
#if RNN_X86_PATHS
namespace isa_avx2 { extern const IsaKernels kTable; }
namespace isa_avx512 { extern const IsaKernels kTable; }
#endif

namespace {

// Widest first.
const IsaKernels* const kPaths[] = {
#if RNN_X86_PATHS
    &isa_avx512::kTable,
    &isa_avx2::kTable,
#endif
    &isa_base::kTable,
};

bool cpu_supports(const IsaKernels& k) {
#if RNN_X86_PATHS
  __builtin_cpu_init();
  // __builtin_cpu_supports also checks that the OS saves the ymm / zmm registers (XGETBV).
  if (std::strcmp(k.name, "avx512") == 0)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  if (std::strcmp(k.name, "avx2") == 0) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
  return std::strcmp(k.name, "baseline") == 0;
}

struct Choice {
  const IsaKernels* kernels = nullptr;
  std::string error;
  std::string available;
  Choice() {
    for (const IsaKernels* k : kPaths) {
      if (!cpu_supports(*k)) continue;
      if (!kernels) kernels = k;
      available += (available.empty() ? "" : ",") + std::string(k->name);
    }
    const char* want = std::getenv("RNNLAB_NATIVE_ISA");
    if (want && *want) {
      const IsaKernels* k = isa_named(want);
      if (k) {
        kernels = k;
      } else {
        error = std::string("RNNLAB_NATIVE_ISA must be one of baseline, avx2, avx512 that this CPU supports (") +
                available + "), got '" + want + "'";
      }
    }
  }
};

Choice& choice() {
  static Choice c;
  return c;
}

}  // namespace

const IsaKernels* isa_named(const char* name) {
  for (const IsaKernels* k : kPaths)
    if (std::strcmp(k->name, name) == 0) return cpu_supports(*k) ? k : nullptr;
  return nullptr;
}

const IsaKernels& isa() { return *choice().kernels; }
void set_isa(const IsaKernels& k) { choice().kernels = &k; }
const char* isa_error() { return choice().error.c_str(); }
const char* isa_available() { return choice().available.c_str(); }

}  // namespace rnn
