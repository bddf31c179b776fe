// N-API surface of the kernels. Each call does a whole net (all layers' arrays passed at once), so a
// training step costs three crossings of the JS/native boundary: forward, backward, Adam.
// The JS side validates shapes with readable errors; the checks here only guard memory safety.
#include <node_api.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kernels.h"

namespace {

struct Fail {
  std::string message;
};

void check(napi_env env, napi_status status, const char* what) {
  if (status != napi_ok) throw Fail{std::string("napi call failed: ") + what};
  (void)env;
}

// A Float32Array argument; null/undefined gives {nullptr, 0} when allowed.
struct F32 {
  float* data = nullptr;
  size_t length = 0;
};

F32 toF32(napi_env env, napi_value v, const char* name, bool nullable = false) {
  napi_valuetype t;
  check(env, napi_typeof(env, v, &t), "typeof");
  if (nullable && (t == napi_null || t == napi_undefined)) return {};
  bool isTyped = false;
  check(env, napi_is_typedarray(env, v, &isTyped), "is_typedarray");
  if (!isTyped) throw Fail{std::string(name) + " must be a Float32Array"};
  napi_typedarray_type type;
  size_t length;
  void* data;
  check(env, napi_get_typedarray_info(env, v, &type, &length, &data, nullptr, nullptr), "typedarray_info");
  if (type != napi_float32_array) throw Fail{std::string(name) + " must be a Float32Array"};
  return {static_cast<float*>(data), length};
}

std::vector<F32> toF32List(napi_env env, napi_value v, const char* name, bool nullableItems = false) {
  bool isArray = false;
  check(env, napi_is_array(env, v, &isArray), "is_array");
  if (!isArray) throw Fail{std::string(name) + " must be an array"};
  uint32_t n;
  check(env, napi_get_array_length(env, v, &n), "array_length");
  std::vector<F32> out(n);
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    check(env, napi_get_element(env, v, i, &item), "get_element");
    out[i] = toF32(env, item, name, nullableItems);
  }
  return out;
}

std::vector<long> toDims(napi_env env, napi_value v) {
  bool isTyped = false;
  check(env, napi_is_typedarray(env, v, &isTyped), "is_typedarray");
  napi_typedarray_type type;
  size_t length;
  void* data;
  if (!isTyped) throw Fail{"dims must be an Int32Array"};
  check(env, napi_get_typedarray_info(env, v, &type, &length, &data, nullptr, nullptr), "typedarray_info");
  if (type != napi_int32_array || length < 2) throw Fail{"dims must be an Int32Array of length >= 2"};
  const int32_t* d = static_cast<const int32_t*>(data);
  return std::vector<long>(d, d + length);
}

long toLong(napi_env env, napi_value v) {
  int64_t x;
  check(env, napi_get_value_int64(env, v, &x), "int64");
  return static_cast<long>(x);
}

bool toBool(napi_env env, napi_value v) {
  bool x;
  check(env, napi_get_value_bool(env, v, &x), "bool");
  return x;
}

void need(const F32& a, size_t n, const char* name) {
  if (a.length != n) throw Fail{std::string(name) + " has the wrong length"};
}

template <size_t N>
std::vector<napi_value> args(napi_env env, napi_callback_info info) {
  size_t argc = N;
  std::vector<napi_value> argv(N);
  check(env, napi_get_cb_info(env, info, &argc, argv.data(), nullptr, nullptr), "cb_info");
  if (argc != N) throw Fail{"expected " + std::to_string(N) + " arguments"};
  return argv;
}

template <typename F>
napi_value guarded(napi_env env, F body) {
  try {
    return body();
  } catch (const Fail& f) {
    napi_throw_error(env, "ERR_RLPRUNE_NN_NATIVE", f.message.c_str());
    return nullptr;
  }
}

// Per-thread scratch: gradients w.r.t. the current and the previous layer's outputs.
thread_local std::vector<float> gradA;
thread_local std::vector<float> gradB;

// forward(ws, bs, dims, act, x, batch, outs): outs[l] = act_l(in_l W_l^T + b_l), last layer linear.
napi_value Forward(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto a = args<7>(env, info);
    auto ws = toF32List(env, a[0], "ws");
    auto bs = toF32List(env, a[1], "bs");
    auto dims = toDims(env, a[2]);
    auto act = static_cast<rlp::Activation>(toLong(env, a[3]));
    F32 x = toF32(env, a[4], "x");
    long batch = toLong(env, a[5]);
    auto outs = toF32List(env, a[6], "outs");
    const size_t L = dims.size() - 1;
    if (ws.size() != L || bs.size() != L || outs.size() != L) throw Fail{"layer count mismatch"};
    need(x, batch * dims[0], "x");
    for (size_t l = 0; l < L; l++) {
      need(ws[l], dims[l] * dims[l + 1], "w");
      need(bs[l], dims[l + 1], "b");
      need(outs[l], batch * dims[l + 1], "out");
      const long in = dims[l], out = dims[l + 1];
      rlp::GemmArgs g{batch, out, in,
                      l == 0 ? x.data : outs[l - 1].data, in, 1,
                      ws[l].data, 1, in,
                      outs[l].data, out,
                      false, bs[l].data, l + 1 == L ? rlp::kLinear : act, nullptr};
      rlp::gemm(g);
    }
    return nullptr;
  });
}

// backward(ws, masks, dims, act, x, batch, outs, gradOut, gws, gbs, gx, accumulate)
napi_value Backward(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto a = args<12>(env, info);
    auto ws = toF32List(env, a[0], "ws");
    auto masks = toF32List(env, a[1], "masks", true);
    auto dims = toDims(env, a[2]);
    auto act = static_cast<rlp::Activation>(toLong(env, a[3]));
    F32 x = toF32(env, a[4], "x");
    long batch = toLong(env, a[5]);
    auto outs = toF32List(env, a[6], "outs");
    F32 gradOut = toF32(env, a[7], "gradOut");
    auto gws = toF32List(env, a[8], "gws");
    auto gbs = toF32List(env, a[9], "gbs");
    F32 gx = toF32(env, a[10], "gx", true);
    bool accumulate = toBool(env, a[11]);
    const size_t L = dims.size() - 1;
    if (ws.size() != L || masks.size() != L || outs.size() != L || gws.size() != L || gbs.size() != L)
      throw Fail{"layer count mismatch"};
    need(x, batch * dims[0], "x");
    need(gradOut, batch * dims[L], "gradOut");
    if (gx.data) need(gx, batch * dims[0], "gx");
    long widest = 0;
    for (size_t l = 0; l < L; l++) {
      need(ws[l], dims[l] * dims[l + 1], "w");
      if (masks[l].data) need(masks[l], dims[l] * dims[l + 1], "mask");
      need(outs[l], batch * dims[l + 1], "out");
      need(gws[l], dims[l] * dims[l + 1], "gw");
      need(gbs[l], dims[l + 1], "gb");
      widest = std::max(widest, dims[l + 1]);
    }
    if ((long)gradA.size() < batch * widest) gradA.resize(batch * widest);
    if ((long)gradB.size() < batch * widest) gradB.resize(batch * widest);

    // dz: gradient w.r.t. layer l's pre-activation; the output layer is linear so it is gradOut.
    const float* dz = gradOut.data;
    float* cur = gradA.data();
    float* prev = gradB.data();
    for (size_t l = L; l-- > 0;) {
      const long in = dims[l], out = dims[l + 1];
      const float* input = l == 0 ? x.data : outs[l - 1].data;
      // gW = dz^T input, masked so pruned weights get no gradient.
      rlp::GemmArgs gw{out, in, batch, dz, 1, out, input, in, 1, gws[l].data, in,
                       accumulate, nullptr, rlp::kLinear, masks[l].data};
      rlp::gemm(gw);
      rlp::columnSums(dz, batch, out, gbs[l].data, accumulate);
      if (l == 0 && !gx.data) break;
      // d input = dz W; for hidden inputs, then through the activation that produced them.
      float* dIn = l == 0 ? gx.data : prev;
      rlp::GemmArgs gi{batch, in, out, dz, out, 1, ws[l].data, in, 1, dIn, in,
                       false, nullptr, rlp::kLinear, nullptr};
      rlp::gemm(gi);
      if (l == 0) break;
      rlp::activationBackward(dIn, outs[l - 1].data, batch * in, act);
      dz = dIn;
      std::swap(cur, prev);
    }
    return nullptr;
  });
}

// adam(params, grads, masks, ms, vs, hyper[lr, beta1, beta2, eps, bc1, bc2, gradScale])
napi_value Adam(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto a = args<6>(env, info);
    auto ps = toF32List(env, a[0], "params");
    auto gs = toF32List(env, a[1], "grads");
    auto ks = toF32List(env, a[2], "masks", true);
    auto ms = toF32List(env, a[3], "ms");
    auto vs = toF32List(env, a[4], "vs");
    F32 h = toF32(env, a[5], "hyper");
    need(h, 7, "hyper");
    const size_t n = ps.size();
    if (gs.size() != n || ks.size() != n || ms.size() != n || vs.size() != n) throw Fail{"tensor count mismatch"};
    rlp::AdamArgs args{h.data[0], h.data[1], h.data[2], h.data[3], h.data[4], h.data[5], h.data[6]};
    for (size_t i = 0; i < n; i++) {
      const size_t len = ps[i].length;
      need(gs[i], len, "grad");
      need(ms[i], len, "m");
      need(vs[i], len, "v");
      if (ks[i].data) need(ks[i], len, "mask");
      rlp::adam(ps[i].data, gs[i].data, ks[i].data, ms[i].data, vs[i].data, (long)len, args);
    }
    return nullptr;
  });
}

napi_value SumSquares(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto a = args<1>(env, info);
    auto xs = toF32List(env, a[0], "arrays");
    double s = 0;
    for (auto& x : xs) s += rlp::sumSquares(x.data, (long)x.length);
    napi_value out;
    check(env, napi_create_double(env, s, &out), "create_double");
    return out;
  });
}

napi_value SimdLevel(napi_env env, napi_callback_info) {
  napi_value out;
  napi_create_string_utf8(env, rlp::simdLevel(), NAPI_AUTO_LENGTH, &out);
  return out;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"forward", nullptr, Forward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"backward", nullptr, Backward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"adam", nullptr, Adam, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"sumSquares", nullptr, SumSquares, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"simdLevel", nullptr, SimdLevel, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
