// Node-API binding for the rnnlab native RNN kernel.
//
// exports.version                     "rnnlab-native 2 avx512 (avx512f+...)": the ISA path in use
// exports.isa, exports.isaFeatures, exports.isaAvailable ("avx512,avx2,baseline")
// exports.forward(kind, dims, x, W, U, bias, inMask, recMask[, hOut, cacheOut])   -> {h, cache}
// exports.backward(kind, dims, x, W, U, bias, inMask, recMask, cache, dh[, dxOut]) -> {dx, dW, dU, dBias}
// exports.forwardMany([args of forward, ...]) / backwardMany([args of backward, ...]) -> [results]
//   (several calls, e.g. the two directions of a Bidirectional layer, on one pool of threads)
// exports._sgemm(M, N, K, A, transA, B, transB, threads)                 -> C   (tests)
// exports._sgemmBench(M, N, K, transA, transB, threads, reps, prepacked) -> seconds per call
// exports._setIsa(name)                                                  -> selects a path (tests)
//
// Every argument is validated (type + exact length against dims); errors are
// thrown as TypeError / RangeError naming the argument and the expected
// length.  Results are fresh JS-owned Float32Arrays (napi_create_arraybuffer),
// written in place by the kernel: nothing to free, nothing leaks.
#include <node_api.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include "isa.h"
#include "runner.h"

using namespace rnn;

namespace {

constexpr size_t kMaxElems = (size_t)1 << 31;  // GEMM indices are int

struct Thrown {};  // a JS exception is pending; unwind to the entry point

void check(napi_env env, napi_status s) {
  if (s != napi_ok) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (!pending) napi_throw_error(env, nullptr, "rnnlab-native: N-API call failed");
    throw Thrown{};
  }
}

[[noreturn]] void throw_type(napi_env env, const std::string& msg) {
  napi_throw_type_error(env, nullptr, msg.c_str());
  throw Thrown{};
}
[[noreturn]] void throw_range(napi_env env, const std::string& msg) {
  napi_throw_range_error(env, nullptr, msg.c_str());
  throw Thrown{};
}

bool is_nullish(napi_env env, napi_value v) {
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  return t == napi_null || t == napi_undefined;
}

// Typed array of the given type; returns data pointer and element count.
void* get_typed(napi_env env, napi_value v, napi_typedarray_type want, const char* name,
                const char* want_name, size_t* len) {
  bool is_ta = false;
  check(env, napi_is_typedarray(env, v, &is_ta));
  if (!is_ta) throw_type(env, std::string(name) + " must be a " + want_name);
  napi_typedarray_type type;
  void* data = nullptr;
  check(env, napi_get_typedarray_info(env, v, &type, len, &data, nullptr, nullptr));
  if (type != want) throw_type(env, std::string(name) + " must be a " + want_name);
  return data;
}

const float* get_f32(napi_env env, napi_value v, const char* name, size_t expected, bool nullable) {
  if (nullable && is_nullish(env, v)) return nullptr;
  size_t len = 0;
  void* p = get_typed(env, v, napi_float32_array, name,
                      nullable ? "Float32Array or null" : "Float32Array", &len);
  if (len != expected)
    throw_range(env, std::string(name) + ": expected Float32Array of length " + std::to_string(expected) +
                         ", got " + std::to_string(len));
  if (expected > 0 && !p) throw_range(env, std::string(name) + ": detached buffer");
  return static_cast<const float*>(p);
}

// New JS-owned Float32Array of n elements.  Allocated through napi_create_buffer,
// which (unlike napi_create_arraybuffer) does not zero-fill: every output is
// completely overwritten by the kernel, and skipping the memset of the ~10 MB
// cache saves measurable time per call.
napi_value new_f32(napi_env env, size_t n, float** data) {
  napi_value buf, ab, ta;
  void* p = nullptr;
  check(env, napi_create_buffer(env, n * sizeof(float), &p, &buf));
  size_t blen = 0, off = 0;
  napi_typedarray_type bt;
  check(env, napi_get_typedarray_info(env, buf, &bt, &blen, nullptr, &ab, &off));
  if (off % alignof(float) != 0) {  // pooled small Buffer at an odd offset: use a fresh ArrayBuffer
    check(env, napi_create_arraybuffer(env, n * sizeof(float), &p, &ab));
    off = 0;
  }
  check(env, napi_create_typedarray(env, napi_float32_array, n, ab, off, &ta));
  *data = static_cast<float*>(p);
  return ta;
}

// An output array: the caller's Float32Array of exactly n elements when given (so that JS can reuse
// buffers instead of making the GC collect ~10 MB per call), else a new one.
napi_value out_f32(napi_env env, napi_value given, const char* name, size_t n, float** data) {
  if (given != nullptr && !is_nullish(env, given)) {
    *data = const_cast<float*>(get_f32(env, given, name, n, false));
    return given;
  }
  return new_f32(env, n, data);
}

int get_int(napi_env env, napi_value v, const char* name) {
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t));
  if (t != napi_number) throw_type(env, std::string(name) + " must be a number");
  int32_t r;
  check(env, napi_get_value_int32(env, v, &r));
  return r;
}

bool get_bool(napi_env env, napi_value v) {
  napi_value b;
  check(env, napi_coerce_to_bool(env, v, &b));
  bool r;
  check(env, napi_get_value_bool(env, b, &r));
  return r;
}

struct Parsed {
  int kind;
  Dims d;
  Args a;
};

Parsed parse_common(napi_env env, napi_value* argv) {
  Parsed p{};
  p.kind = get_int(env, argv[0], "kind");
  if (p.kind < 0 || p.kind > 2) throw_range(env, "kind must be 0 (LSTM), 1 (GRU) or 2 (SimpleRNN)");
  size_t dl = 0;
  const int32_t* dims = static_cast<const int32_t*>(
      get_typed(env, argv[1], napi_int32_array, "dims", "Int32Array", &dl));
  if (dl != 8) throw_range(env, "dims: expected Int32Array of length 8 [B,T,D,H,goBackwards,activation,recurrentActivation,threads], got " + std::to_string(dl));
  Dims& d = p.d;
  d.B = dims[0]; d.T = dims[1]; d.D = dims[2]; d.H = dims[3];
  d.goBackwards = dims[4]; d.act = dims[5]; d.recAct = dims[6]; d.threads = dims[7];
  if (d.B < 1 || d.T < 1 || d.D < 1 || d.H < 1)
    throw_range(env, "dims: B, T, D and H must all be >= 1");
  if (d.goBackwards != 0 && d.goBackwards != 1) throw_range(env, "dims[4] (goBackwards) must be 0 or 1");
  if (d.act < 0 || d.act > 4) throw_range(env, "dims[5] (activation) must be 0..4 (tanh, sigmoid, hardSigmoid, relu, linear)");
  if (p.kind != KIND_SIMPLE && (d.recAct < 0 || d.recAct > 4))
    throw_range(env, "dims[6] (recurrentActivation) must be 0..4 (tanh, sigmoid, hardSigmoid, relu, linear)");
  if (d.threads < 1) d.threads = 1;
  if (d.threads > 64) d.threads = 64;

  const size_t B = d.B, T = d.T, D = d.D, H = d.H, G = gates_of(p.kind);
  const size_t TB = T * B;
  if (TB >= kMaxElems || TB * D >= kMaxElems || TB * G * H >= kMaxElems || H * G * H >= kMaxElems ||
      D * G * H >= kMaxElems)
    throw_range(env, "dims: tensors too large (more than 2^31 elements)");
  Args& a = p.a;
  a.x = get_f32(env, argv[2], "x", TB * D, false);
  a.W = get_f32(env, argv[3], "W", D * G * H, false);
  a.U = get_f32(env, argv[4], "U", H * G * H, false);
  a.bias = get_f32(env, argv[5], "bias", bias_size(p.kind, d), true);
  a.inMask = get_f32(env, argv[6], "inMask", B * D, true);
  a.recMask = get_f32(env, argv[7], "recMask", B * H, true);
  return p;
}

void set_prop(napi_env env, napi_value obj, const char* key, napi_value v) {
  check(env, napi_set_named_property(env, obj, key, v));
}

napi_value get_args(napi_env env, napi_callback_info info, size_t want, napi_value* argv, size_t most = 0) {
  size_t argc = most > want ? most : want;
  check(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc < want) {
    throw_type(env, "expected " + std::to_string(want) + " arguments, got " + std::to_string(argc));
  }
  return nullptr;
}

template <typename F>
napi_value guard(napi_env env, F&& f) {
  try {
    return f();
  } catch (const Thrown&) {
    return nullptr;
  } catch (const std::bad_alloc&) {
    napi_throw_error(env, nullptr, "rnnlab-native: out of memory");
    return nullptr;
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("rnnlab-native: ") + e.what()).c_str());
    return nullptr;
  }
}

// Parses one forward call's arguments (argv[0..9]) into `call`; returns {h, cache} (filled later).
napi_value prepare_forward(napi_env env, napi_value* argv, SeqCall& call) {
  Parsed p = parse_common(env, argv);
  call.kind = p.kind;
  call.d = p.d;
  call.a = p.a;
  napi_value hv = out_f32(env, argv[8], "hOut", (size_t)p.d.B * p.d.T * p.d.H, &call.h);
  napi_value cv = out_f32(env, argv[9], "cacheOut", cache_size(p.kind, p.d), &call.cache);
  napi_value out;
  check(env, napi_create_object(env, &out));
  set_prop(env, out, "h", hv);
  set_prop(env, out, "cache", cv);
  return out;
}

// Parses one backward call's arguments (argv[0..10]); returns {dx, dW, dU, dBias} (filled later).
napi_value prepare_backward(napi_env env, napi_value* argv, SeqCall& call) {
  Parsed p = parse_common(env, argv);
  call.kind = p.kind;
  call.d = p.d;
  call.a = p.a;
  const Dims& d = p.d;
  call.cacheIn = get_f32(env, argv[8], "cache", cache_size(p.kind, d), false);
  call.dh = get_f32(env, argv[9], "dh", (size_t)d.B * d.T * d.H, false);
  const size_t G = gates_of(p.kind);
  napi_value dxv = out_f32(env, argv[10], "dxOut", (size_t)d.B * d.T * d.D, &call.dx);
  napi_value dWv = new_f32(env, (size_t)d.D * G * d.H, &call.dW);
  napi_value dUv = new_f32(env, (size_t)d.H * G * d.H, &call.dU);
  napi_value dBv;
  if (p.a.bias) {
    dBv = new_f32(env, bias_size(p.kind, d), &call.dBias);
  } else {
    check(env, napi_get_null(env, &dBv));
  }
  napi_value out;
  check(env, napi_create_object(env, &out));
  set_prop(env, out, "dx", dxv);
  set_prop(env, out, "dW", dWv);
  set_prop(env, out, "dU", dUv);
  set_prop(env, out, "dBias", dBv);
  return out;
}

using Prepare = napi_value (*)(napi_env, napi_value*, SeqCall&);
using Run = void (*)(SeqCall*, int, int);

napi_value one_call(napi_env env, napi_callback_info info, size_t want, size_t most, Prepare prepare, Run run) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[11] = {nullptr};
    get_args(env, info, want, argv, most);
    SeqCall call;
    napi_value out = prepare(env, argv, call);
    run(&call, 1, call.d.threads);
    return out;
  });
}

// calls: an array of argument arrays; threads: the most any call's dims ask for.
napi_value many_calls(napi_env env, napi_callback_info info, size_t want, size_t most, Prepare prepare, Run run) {
  return guard(env, [&]() -> napi_value {
    napi_value list;
    get_args(env, info, 1, &list);
    bool isArray = false;
    check(env, napi_is_array(env, list, &isArray));
    if (!isArray) throw_type(env, "calls must be an array of argument arrays");
    uint32_t n = 0;
    check(env, napi_get_array_length(env, list, &n));
    std::vector<SeqCall> calls(n);
    napi_value results;
    check(env, napi_create_array_with_length(env, n, &results));
    int threads = 1;
    for (uint32_t i = 0; i < n; ++i) {
      napi_value args;
      check(env, napi_get_element(env, list, i, &args));
      check(env, napi_is_array(env, args, &isArray));
      if (!isArray) throw_type(env, "calls[" + std::to_string(i) + "] must be an array of arguments");
      uint32_t argc = 0;
      check(env, napi_get_array_length(env, args, &argc));
      if (argc < want || argc > most)
        throw_type(env, "calls[" + std::to_string(i) + "]: expected " + std::to_string(want) + " to " +
                            std::to_string(most) + " arguments, got " + std::to_string(argc));
      napi_value argv[11] = {nullptr};
      for (uint32_t k = 0; k < argc; ++k) check(env, napi_get_element(env, args, k, &argv[k]));
      check(env, napi_set_element(env, results, i, prepare(env, argv, calls[i])));
      threads = std::max(threads, calls[i].d.threads);
    }
    run(calls.data(), (int)n, threads);
    return results;
  });
}

napi_value Forward(napi_env env, napi_callback_info info) {
  return one_call(env, info, 8, 10, prepare_forward, run_forward);
}
napi_value Backward(napi_env env, napi_callback_info info) {
  return one_call(env, info, 10, 11, prepare_backward, run_backward);
}
napi_value ForwardMany(napi_env env, napi_callback_info info) {
  return many_calls(env, info, 8, 10, prepare_forward, run_forward);
}
napi_value BackwardMany(napi_env env, napi_callback_info info) {
  return many_calls(env, info, 10, 11, prepare_backward, run_backward);
}

void check_gemm_dims(napi_env env, int M, int N, int K) {
  if (M < 1 || N < 1 || K < 0 || (size_t)M * K >= kMaxElems || (size_t)K * N >= kMaxElems ||
      (size_t)M * N >= kMaxElems)
    throw_range(env, "gemm dims out of range");
}

// _sgemm(M, N, K, A, transA, B, transB, threads) -> C = op(A) op(B)
napi_value Sgemm(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[8];
    get_args(env, info, 8, argv);
    const int M = get_int(env, argv[0], "M"), N = get_int(env, argv[1], "N"), K = get_int(env, argv[2], "K");
    check_gemm_dims(env, M, N, K);
    const bool tA = get_bool(env, argv[4]), tB = get_bool(env, argv[6]);
    const float* A = get_f32(env, argv[3], "A", (size_t)M * K, false);
    const float* B = get_f32(env, argv[5], "B", (size_t)K * N, false);
    int nt = get_int(env, argv[7], "threads");
    if (nt < 1) nt = 1;
    if (nt > 64) nt = 64;
    float* C;
    napi_value cv = new_f32(env, (size_t)M * N, &C);
    isa().sgemm(M, N, K, A, tA, B, tB, C, nt);
    return cv;
  });
}

// _sgemmBench(M, N, K, transA, transB, threads, reps, prepacked) -> best seconds per call
// prepacked: B is packed once outside the timed region (as for U in the time loop).
napi_value SgemmBench(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[8];
    get_args(env, info, 8, argv);
    const bool prepacked = get_bool(env, argv[7]);
    const int M = get_int(env, argv[0], "M"), N = get_int(env, argv[1], "N"), K = get_int(env, argv[2], "K");
    check_gemm_dims(env, M, N, K);
    const bool tA = get_bool(env, argv[3]), tB = get_bool(env, argv[4]);
    int nt = get_int(env, argv[5], "threads");
    if (nt < 1) nt = 1;
    int reps = get_int(env, argv[6], "reps");
    if (reps < 1) reps = 1;
    const double best = isa().sgemmBench(M, N, K, tA, tB, nt, reps, prepacked);
    napi_value out;
    check(env, napi_create_double(env, best, &out));
    return out;
  });
}

// cacheLength(kind, dims) -> the length of the cache array forward() fills for these dims.
napi_value CacheLength(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[2];
    get_args(env, info, 2, argv);
    const int kind = get_int(env, argv[0], "kind");
    if (kind < 0 || kind > 2) throw_range(env, "kind must be 0 (LSTM), 1 (GRU) or 2 (SimpleRNN)");
    size_t dl = 0;
    const int32_t* dims = static_cast<const int32_t*>(get_typed(env, argv[1], napi_int32_array, "dims", "Int32Array", &dl));
    if (dl != 8) throw_range(env, "dims: expected Int32Array of length 8");
    Dims d{};
    d.B = dims[0]; d.T = dims[1]; d.D = dims[2]; d.H = dims[3];
    if (d.B < 1 || d.T < 1 || d.D < 1 || d.H < 1) throw_range(env, "dims: B, T, D and H must all be >= 1");
    napi_value out;
    check(env, napi_create_double(env, (double)cache_size(kind, d), &out));
    return out;
  });
}

// keepMask(out, rate, seed): fills out with a Keras dropout mask — 0 with probability rate, else
// 1 / (1 - rate). Value i keeps when hash(seed, i) < (1 - rate)·2^32, hash being the murmur3
// finaliser of seed ^ i·0x9e3779b9: the same as keepMask in kernel/src/model/layers/dropout.ts, so
// both give identical masks. Each value is independent, so the loop vectorises.
napi_value KeepMask(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[3];
    get_args(env, info, 3, argv);
    size_t n = 0;
    float* out = static_cast<float*>(get_typed(env, argv[0], napi_float32_array, "out", "Float32Array", &n));
    double rate, seed;
    check(env, napi_get_value_double(env, argv[1], &rate));
    check(env, napi_get_value_double(env, argv[2], &seed));
    if (!(rate > 0 && rate < 1)) throw_range(env, "rate must be in (0, 1)");
    const float scale = (float)(1.0 / (1.0 - rate));
    const double keep = std::floor((1.0 - rate) * 4294967296.0);
    if (keep >= 4294967296.0) {  // rate below 2^-32: every value is kept (as in JS)
      for (size_t i = 0; i < n; ++i) out[i] = scale;
      return argv[0];
    }
    // Compared as signed after flipping the top bit: AVX2 has no unsigned 32-bit compare.
    const int32_t threshold = (int32_t)((uint32_t)keep ^ 0x80000000u);
    const uint32_t s = (uint32_t)(uint64_t)seed;
    for (size_t i = 0; i < n; ++i) {
      uint32_t z = s ^ ((uint32_t)i * 0x9e3779b9u);
      z = (z ^ (z >> 16)) * 0x85ebca6bu;
      z = (z ^ (z >> 13)) * 0xc2b2ae35u;
      z ^= z >> 16;
      out[i] = (int32_t)(z ^ 0x80000000u) < threshold ? scale : 0.0f;
    }
    return argv[0];
  });
}

void set_string(napi_env env, napi_value obj, const char* key, const std::string& value) {
  napi_value v;
  check(env, napi_create_string_utf8(env, value.c_str(), value.size(), &v));
  set_prop(env, obj, key, v);
}

// version, isa, isaFeatures, isaAvailable: the path in use (changed by _setIsa).
void describe_isa(napi_env env, napi_value exports) {
  const IsaKernels& k = isa();
  set_string(env, exports, "version", std::string("rnnlab-native 2 ") + k.name + " (" + k.features + ")");
  set_string(env, exports, "isa", k.name);
  set_string(env, exports, "isaFeatures", k.features);
  set_string(env, exports, "isaAvailable", isa_available());
}

// _setIsa(name): run every later call on that path (tests); throws when the CPU lacks it.
napi_value SetIsa(napi_env env, napi_callback_info info) {
  return guard(env, [&]() -> napi_value {
    napi_value argv[1];
    napi_value self;
    size_t argc = 1;
    check(env, napi_get_cb_info(env, info, &argc, argv, &self, nullptr));
    char name[32] = {0};
    size_t len = 0;
    if (argc < 1 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok)
      throw_type(env, "name must be a string (baseline, avx2 or avx512)");
    const IsaKernels* k = isa_named(name);
    if (!k)
      throw_range(env, std::string("name must be one of the paths this CPU supports (") + isa_available() +
                           "), got '" + name + "'");
    set_isa(*k);
    describe_isa(env, self);
    return self;
  });
}

}  // namespace

NAPI_MODULE_INIT() {
  if (*isa_error()) {
    napi_throw_error(env, nullptr, (std::string("rnnlab-native: ") + isa_error()).c_str());
    return nullptr;
  }
  try {
    describe_isa(env, exports);
  } catch (const Thrown&) {
    return nullptr;
  }
  struct { const char* name; napi_callback cb; } fns[] = {
      {"forward", Forward}, {"backward", Backward}, {"forwardMany", ForwardMany},
      {"backwardMany", BackwardMany}, {"cacheLength", CacheLength}, {"keepMask", KeepMask},
      {"_sgemm", Sgemm}, {"_sgemmBench", SgemmBench}, {"_setIsa", SetIsa}};
  for (auto& f : fns) {
    napi_value fn;
    napi_create_function(env, f.name, NAPI_AUTO_LENGTH, f.cb, nullptr, &fn);
    napi_set_named_property(env, exports, f.name, fn);
  }
  return exports;
}
