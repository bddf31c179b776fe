// Blocked GEMM with fused epilogue, activation derivatives and Adam, in the BLIS style: a KC x NC
// block of B in NR-wide panels, A in MR-high panels, and an MR x NR register-blocked micro-kernel
// over them, tile by tile along each row of C (the A panel stays in L1, the B panels come from L2).
// Operands are packed (which also transposes them where needed) or, in the AVX-512 variant, read in
// place when already laid out the way the micro-kernel reads them (B contiguous along n, A along m).
// Zero-padded packing handles ragged edges, so the micro-kernel has no branches; the epilogue
// (accumulate, bias, activation, mask to +0) runs once per tile on the last K block.
// The tile depends on the instruction set: 6 x 16 with AVX2's 16 registers (12 accumulators),
// 8 x 32 with AVX-512's 32 registers (16 accumulators of 16 floats: half the loads per FMA).
#include "kernels.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "simd.h"

namespace rlp {
namespace {

// Scratch for packed panels; one set per thread so worker threads can use the addon concurrently.
thread_local std::vector<float> packA;
thread_local std::vector<float> packB;

template <class V>
constexpr long lanes = sizeof(V) / sizeof(float);

template <class V = v8f>
RLP_INLINE V loadu(const float* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class V>
RLP_INLINE void storeu(float* p, V v) { std::memcpy(p, &v, sizeof v); }
// Scalar-vector arithmetic makes GCC emit one broadcast (vbroadcastss) instead of lane inserts.
template <class V = v8f>
RLP_INLINE V splat(float x) { return V{} + x; }

// Rational approximation of tanh (the one Eigen uses for float): accurate to a few ulp, and
// branch-free so the compiler vectorises it; libm tanhf is scalar and ~10x slower.
template <typename T>
RLP_INLINE T tanhApprox(T x, T lo, T hi) {
  x = x < lo ? lo : x;
  x = x > hi ? hi : x;
  const T x2 = x * x;
  T p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
  p = x2 * p + -8.60467152213735e-11f;
  p = x2 * p + 5.12229709037114e-08f;
  p = x2 * p + 1.48572235717979e-05f;
  p = x2 * p + 6.37261928875436e-04f;
  p = x2 * p + 4.89352455891786e-03f;
  p = x * p;
  T q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
  q = x2 * q + 2.26843463243900e-03f;
  q = x2 * q + 4.89352518554385e-03f;
  return p / q;
}
constexpr float kTanhClamp = 7.90531110763549805f;

RLP_INLINE float activate(float x, Activation act) {
  if (act == kTanh) return tanhApprox<float>(x, -kTanhClamp, kTanhClamp);
  if (act == kRelu) return x > 0.0f ? x : 0.0f;
  return x;
}
template <class V>
RLP_INLINE V activate(V x, Activation act) {
  if (act == kTanh) return tanhApprox<V>(x, splat<V>(-kTanhClamp), splat<V>(kTanhClamp));
  if (act == kRelu) return x > 0.0f ? x : splat<V>(0.0f);
  return x;
}

// The epilogue on one finished element of C at c[at], column n: bias, activation, mask.
RLP_INLINE float finish(const GemmArgs& g, float v, long at, long n) {
  if (g.bias) v += g.bias[n];
  v = activate(v, g.act);
  if (g.mask && g.mask[at] == 0.0f) v = 0.0f;
  return v;
}

typedef int v8i __attribute__((vector_size(32)));

// In-register transpose of an 8x8 block (rows r[0..7] become columns), in three rounds of
// two-input shuffles: 1x1 interleave, 2x2 blocks, 4x4 halves.
RLP_INLINE void transpose8(v8f* r) {
  v8f t[8];
  for (int i = 0; i < 8; i += 2) {
    t[i] = __builtin_shuffle(r[i], r[i + 1], v8i{0, 8, 1, 9, 4, 12, 5, 13});
    t[i + 1] = __builtin_shuffle(r[i], r[i + 1], v8i{2, 10, 3, 11, 6, 14, 7, 15});
  }
  v8f u[8];
  for (int i = 0; i < 8; i += 4) {
    u[i] = __builtin_shuffle(t[i], t[i + 2], v8i{0, 1, 8, 9, 4, 5, 12, 13});
    u[i + 1] = __builtin_shuffle(t[i], t[i + 2], v8i{2, 3, 10, 11, 6, 7, 14, 15});
    u[i + 2] = __builtin_shuffle(t[i + 1], t[i + 3], v8i{0, 1, 8, 9, 4, 5, 12, 13});
    u[i + 3] = __builtin_shuffle(t[i + 1], t[i + 3], v8i{2, 3, 10, 11, 6, 7, 14, 15});
  }
  for (int i = 0; i < 4; i++) {
    r[i] = __builtin_shuffle(u[i], u[i + 4], v8i{0, 1, 2, 3, 8, 9, 10, 11});
    r[i + 4] = __builtin_shuffle(u[i], u[i + 4], v8i{4, 5, 6, 7, 12, 13, 14, 15});
  }
}

// dst[k*ld + c] = src[c*stride + k] for c, k < 8: an 8x8 block copied transposed.
RLP_INLINE void copyTransposed8(const float* src, long stride, float* dst, long ld) {
  v8f r[8];
#pragma GCC unroll 8
  for (long i = 0; i < 8; i++) r[i] = loadu(src + i * stride);
  transpose8(r);
#pragma GCC unroll 8
  for (long i = 0; i < 8; i++) storeu(dst + i * ld, r[i]);
}

// One variant of the blocked GEMM: vector type V (NV of them across a tile row), MR tile rows.
template <class V, long MR_, long NV_, long KC_, long NC_, bool DIRECT_>
struct Tile {
  typedef V Vec;
  static constexpr long L = lanes<V>;
  static constexpr long MR = MR_;
  static constexpr long NV = NV_;
  static constexpr long NR = NV_ * lanes<V>;
  static constexpr long KC = KC_;
  static constexpr long NC = NC_;  // multiple of NR
  static constexpr bool DIRECT = DIRECT_;  // read suitably laid out operands in place
};
// AVX2 (and the baseline, where each v8f is two SSE registers): 12 accumulators + 2 B + 1 broadcast.
// Operands are always packed: with this smaller tile, reading them in place was slower (rows 1 KB
// apart share a few L1 sets, and the weight gradient at batch 2048 lost 20%).
typedef Tile<v8f, 6, 2, 256, 1024, false> Tile256;
#ifdef RLP_HAVE_V4
// AVX-512: 16 accumulators of 16 floats. Measured on Zen 4 (which splits each 512-bit FMA in two, so
// the peak is AVX2's): 8 x 32 beat 12 x 32, 6 x 64, 4 x 64, 8 x 48 and 16 x 16; KC 256 beat 128;
// reading operands in place beat packing them at every size of bench:nn.
typedef Tile<v16f, 8, 2, 256, 1024, true> Tile512;
#endif

// Ap[k*MR + r] = A(m0 + r, k0 + k), zero beyond M.
template <class T>
RLP_INLINE void packPanelA(const GemmArgs& g, long m0, long k0, long kc, float* ap) {
  constexpr long MR = T::MR;
  const long mr = g.M - m0 < MR ? g.M - m0 : MR;
  if (MR == 8 && mr == 8 && g.csa == 1) {
    // Rows of A contiguous along k (X W^T, dZ W): 8x8 transposes, as for B below.
    long k = 0;
    for (; k + 8 <= kc; k += 8) copyTransposed8(g.a + m0 * g.rsa + k0 + k, g.rsa, ap + k * MR, MR);
    for (; k < kc; k++)
      for (long r = 0; r < MR; r++) ap[k * MR + r] = g.a[(m0 + r) * g.rsa + k0 + k];
    return;
  }
  if (g.rsa == 1 && mr == MR) {
    // Columns of A contiguous (dZ^T X): MR floats per k.
    for (long k = 0; k < kc; k++) std::memcpy(ap + k * MR, g.a + m0 + (k0 + k) * g.csa, MR * sizeof(float));
    return;
  }
  for (long k = 0; k < kc; k++) {
    const float* src = g.a + m0 * g.rsa + (k0 + k) * g.csa;
    float* dst = ap + k * MR;
    long r = 0;
    for (; r < mr; r++) dst[r] = src[r * g.rsa];
    for (; r < MR; r++) dst[r] = 0.0f;
  }
}

// Bp[k*NR + c] = B(k0 + k, n0 + c), zero beyond N. Loop order follows the contiguous stride.
template <class T>
RLP_INLINE void packPanelB(const GemmArgs& g, long n0, long k0, long kc, float* bp) {
  constexpr long NR = T::NR;
  const long nr = g.N - n0 < NR ? g.N - n0 : NR;
  if (g.csb == 1) {
    for (long k = 0; k < kc; k++) {
      const float* src = g.b + (k0 + k) * g.rsb + n0;
      float* dst = bp + k * NR;
      if (nr == NR) {
        std::memcpy(dst, src, NR * sizeof(float));
      } else {
        long c = 0;
        for (; c < nr; c++) dst[c] = src[c];
        for (; c < NR; c++) dst[c] = 0.0f;
      }
    }
  } else if (g.rsb == 1 && nr == NR) {
    // Transposing copy (forward pass: columns of B are rows of W): 8x8 blocks moved with vector
    // loads, an in-register transpose and vector stores, instead of one scalar per element.
    // 16 k at a time, so each row's cache line is used whole while it is in L1 (rows of W a power of
    // two apart fall in a few L1 sets, and the line could be gone before its second half is needed).
    long k = 0;
    for (; k + 16 <= kc; k += 16)
      for (long h = 0; h < NR / 8; h++) {
        copyTransposed8(g.b + (n0 + 8 * h) * g.csb + k0 + k, g.csb, bp + k * NR + 8 * h, NR);
        copyTransposed8(g.b + (n0 + 8 * h) * g.csb + k0 + k + 8, g.csb, bp + (k + 8) * NR + 8 * h, NR);
      }
    for (; k + 8 <= kc; k += 8)
      for (long h = 0; h < NR / 8; h++) copyTransposed8(g.b + (n0 + 8 * h) * g.csb + k0 + k, g.csb, bp + k * NR + 8 * h, NR);
    for (; k < kc; k++)
      for (long c = 0; c < NR; c++) bp[k * NR + c] = g.b[(n0 + c) * g.csb + k0 + k];
  } else {
    for (long c = 0; c < NR; c++) {
      if (c < nr) {
        const float* src = g.b + (n0 + c) * g.csb + k0 * g.rsb;
        for (long k = 0; k < kc; k++) bp[k * NR + c] = src[k * g.rsb];
      } else {
        for (long k = 0; k < kc; k++) bp[k * NR + c] = 0.0f;
      }
    }
  }
}

// acc += Ap Bp over kc, then write the (mr x nr) valid part of the tile to C with the epilogue.
// ap/bp are packed panels (lda = MR, ldb = NR) or, when an operand is already laid out that way,
// the operand itself (lda = its k stride with MR contiguous rows; ldb = its row stride).
// transC: the tile is of C^T (see gemmImpl), so element (i, j) goes to c[j*ldc + i] with bias[i].
template <class T>
RLP_INLINE void microKernel(const GemmArgs& g, long kc, const float* ap, long lda, const float* bp, long ldb,
                            long m0, long n0, bool loadC, bool last, bool transC) {
  typedef typename T::Vec V;
  constexpr long MR = T::MR, NV = T::NV, NR = T::NR, L = T::L;
  V acc[MR][NV];
#pragma GCC unroll 16
  for (long r = 0; r < MR; r++)
#pragma GCC unroll 4
    for (long v = 0; v < NV; v++) acc[r][v] = splat<V>(0.0f);
  for (long k = 0; k < kc; k++) {
    V b[NV];
#pragma GCC unroll 4
    for (long v = 0; v < NV; v++) b[v] = loadu<V>(bp + k * ldb + v * L);
#pragma GCC unroll 16
    for (long r = 0; r < MR; r++) {
      const float a = ap[k * lda + r];
#pragma GCC unroll 4
      for (long v = 0; v < NV; v++) acc[r][v] += b[v] * a;
    }
  }
  const long mr = g.M - m0 < MR ? g.M - m0 : MR;
  const long nr = g.N - n0 < NR ? g.N - n0 : NR;
  if (nr == NR && !transC) {
    for (long r = 0; r < mr; r++) {
      float* crow = g.c + (m0 + r) * g.ldc + n0;
#pragma GCC unroll 4
      for (long h = 0; h < NV; h++) {
        V v = acc[r][h];
        if (loadC) v += loadu<V>(crow + L * h);
        if (last) {
          if (g.bias) v += loadu<V>(g.bias + n0 + L * h);
          v = activate<V>(v, g.act);
          if (g.mask) v = loadu<V>(g.mask + (m0 + r) * g.ldc + n0 + L * h) != 0.0f ? v : splat<V>(0.0f);
        }
        storeu(crow + L * h, v);
      }
    }
    return;
  }
  float tile[MR * NR];
  for (long r = 0; r < MR; r++)
    for (long h = 0; h < NV; h++) storeu(tile + r * NR + L * h, acc[r][h]);
  for (long r = 0; r < mr; r++) {
    for (long c = 0; c < nr; c++) {
      const long at = transC ? (n0 + c) * g.ldc + m0 + r : (m0 + r) * g.ldc + n0 + c;
      float v = tile[r * NR + c];
      if (loadC) v += g.c[at];
      if (last) v = finish(g, v, at, transC ? m0 + r : n0 + c);
      g.c[at] = v;
    }
  }
}

// C[m,n] = sum_k A[m*rsa + k] B[n*csb + k] when the batch or the output is tiny (1 to 3 rows, or
// at most 4 columns): both operands contiguous along k (the forward pass X W^T with W row-major).
// One row of A against 4 rows of B at a time, 8 lanes of k per step, no packing: at this size
// packing W^T would cost more than the arithmetic. Missing rows of B at the edge alias the last
// valid one, so the inner loop has no branches.
RLP_INLINE float hsum(v8f v) { return ((v[0] + v[4]) + (v[1] + v[5])) + ((v[2] + v[6]) + (v[3] + v[7])); }

RLP_INLINE void gemmRowDot(const GemmArgs& g) {
  constexpr long TN = 4;
  const long K8 = g.K & ~7L;
  for (long m = 0; m < g.M; m++) {
    const float* a = g.a + m * g.rsa;
    for (long n0 = 0; n0 < g.N; n0 += TN) {
      const float* b[TN];
      for (long j = 0; j < TN; j++) b[j] = g.b + (n0 + j < g.N ? n0 + j : g.N - 1) * g.csb;
      v8f acc[TN];
#pragma GCC unroll 4
      for (long j = 0; j < TN; j++) acc[j] = v8f{};
      for (long k = 0; k < K8; k += 8) {
        const v8f x = loadu(a + k);
#pragma GCC unroll 4
        for (long j = 0; j < TN; j++) acc[j] += x * loadu(b[j] + k);
      }
      for (long j = 0; j < TN && n0 + j < g.N; j++) {
        float v = hsum(acc[j]);
        for (long k = K8; k < g.K; k++) v += a[k] * b[j][k];
        float* c = g.c + m * g.ldc + n0 + j;
        if (g.accumulate) v += *c;
        *c = finish(g, v, m * g.ldc + n0 + j, n0 + j);
      }
    }
  }
}

RLP_INLINE long roundUp(long x, long to) { return (x + to - 1) / to * to; }

template <class T>
RLP_INLINE void gemmBlocked(const GemmArgs& g, bool transC);

template <class T>
RLP_INLINE void gemmImpl(const GemmArgs& g) {
  constexpr long MR = T::MR, NR = T::NR;
  if (g.M <= 0 || g.N <= 0) return;
  if (g.K <= 0) {
    // Empty sum: C keeps or becomes zero, then the epilogue still applies.
    for (long m = 0; m < g.M; m++)
      for (long n = 0; n < g.N; n++) {
        const float v = g.accumulate ? g.c[m * g.ldc + n] : 0.0f;
        g.c[m * g.ldc + n] = finish(g, v, m * g.ldc + n, n);
      }
    return;
  }
  if ((g.M < 4 || g.N <= 4) && g.csa == 1 && g.rsb == 1) {
    gemmRowDot(g);
    return;
  }
  // A narrow C (few columns, many rows: the first layer's weight gradient, 11 inputs) wastes most
  // of each NR-wide tile; computing C^T = B^T A^T instead tiles the long side with NR. The
  // epilogue then writes through the scalar path, which is cheap at this width.
  if (g.N < NR && roundUp(g.N, MR) * roundUp(g.M, NR) * 4 < roundUp(g.M, MR) * roundUp(g.N, NR) * 3) {
    GemmArgs t = g;
    t.M = g.N;
    t.N = g.M;
    t.a = g.b;
    t.rsa = g.csb;
    t.csa = g.rsb;
    t.b = g.a;
    t.rsb = g.csa;
    t.csb = g.rsa;
    gemmBlocked<T>(t, true);
  } else {
    gemmBlocked<T>(g, false);
  }
}

template <class T>
RLP_INLINE void gemmBlocked(const GemmArgs& g, bool transC) {
  constexpr long MR = T::MR, NR = T::NR, KC = T::KC, NC = T::NC;
  const long ncMax = g.N < NC ? roundUp(g.N, NR) : NC;
  const long kcMax = g.K < KC ? g.K : KC;
  if ((long)packB.size() < ncMax * kcMax) packB.resize(ncMax * kcMax);
  if ((long)packA.size() < MR * kcMax) packA.resize(MR * kcMax);
  float* bpack = packB.data();
  float* apack = packA.data();
  const bool directA = T::DIRECT && g.rsa == 1;
  const bool directB = T::DIRECT && g.csb == 1;

  for (long jc = 0; jc < g.N; jc += NC) {
    const long nc = g.N - jc < NC ? g.N - jc : NC;
    for (long pc = 0; pc < g.K; pc += KC) {
      const long kc = g.K - pc < KC ? g.K - pc : KC;
      const bool loadC = g.accumulate || pc > 0;
      const bool last = pc + kc == g.K;
      // Tiles in row order: consecutive tiles write (and, in the epilogue, read) neighbouring
      // stretches of the same C and mask rows, and the A panel stays in L1 across a row. With
      // T::DIRECT, full panels of an operand that is contiguous the way the micro-kernel reads it (B
      // along n, A along m) are read in place. The others are packed where first needed: each A panel
      // before its row, the B panels during the first row.
      for (long ir = 0; ir < g.M; ir += MR) {
        const bool aIn = directA && ir + MR <= g.M;
        if (!aIn) packPanelA<T>(g, ir, pc, kc, apack);
        const float* ap = aIn ? g.a + pc * g.csa + ir : apack;
        const long lda = aIn ? g.csa : MR;
        for (long jr = 0; jr < nc; jr += NR) {
          const bool bIn = directB && jc + jr + NR <= g.N;
          if (!bIn && ir == 0) packPanelB<T>(g, jc + jr, pc, kc, bpack + jr * kc);
          const float* bp = bIn ? g.b + pc * g.rsb + jc + jr : bpack + jr * kc;
          const long ldb = bIn ? g.rsb : NR;
          microKernel<T>(g, kc, ap, lda, bp, ldb, ir, jc + jr, loadC, last, transC);
        }
      }
    }
  }
}

typedef void (*GemmFn)(const GemmArgs&);

void gemmBaseline(const GemmArgs& g) { gemmImpl<Tile256>(g); }
#ifdef RLP_X86_DISPATCH
RLP_TARGET_V3 void gemmV3(const GemmArgs& g) { gemmImpl<Tile256>(g); }
#endif
#ifdef RLP_HAVE_V4
RLP_TARGET_V4 void gemmV4(const GemmArgs& g) { gemmImpl<Tile512>(g); }
#endif

// The widest variant this CPU runs, and its name for simdLevel().
struct GemmChoice {
  GemmFn fn;
  const char* name;
  int level;  // 4, 3 or 0 (x86-64-v4, -v3, anything else)
};
GemmChoice chooseGemm() {
#ifdef RLP_X86_DISPATCH
  __builtin_cpu_init();
#ifdef RLP_HAVE_V4
  if (__builtin_cpu_supports("x86-64-v4")) return {gemmV4, "x86-64-v4 (avx512)", 4};
#endif
  if (__builtin_cpu_supports("x86-64-v3")) return {gemmV3, "x86-64-v3 (avx2+fma)", 3};
  return {gemmBaseline, "x86-64 baseline", 0};
#elif defined(RLP_NO_MULTIVERSION)
  return {gemmBaseline, "baseline only (built with RLP_NO_MULTIVERSION)", 0};
#else
  return {gemmBaseline, "generic", 0};
#endif
}
const GemmChoice& gemmChoice() {
  static const GemmChoice choice = chooseGemm();
  return choice;
}

}  // namespace

void gemm(const GemmArgs& g) { gemmChoice().fn(g); }

RLP_MULTIVERSION
void activationBackward(float* d, const float* y, long n, Activation act) {
  if (act == kTanh) {
    for (long i = 0; i < n; i++) d[i] *= 1.0f - y[i] * y[i];
  } else if (act == kRelu) {
    for (long i = 0; i < n; i++) d[i] = y[i] > 0.0f ? d[i] : 0.0f;
  }
}

// 32 columns at a time summed in registers down the whole batch, so db is read and written once.
RLP_MULTIVERSION
void columnSums(const float* dz, long batch, long out, float* db, bool accumulate) {
  long o = 0;
  for (; o + 32 <= out; o += 32) {
    v8f s[4];
#pragma GCC unroll 4
    for (long j = 0; j < 4; j++) s[j] = accumulate ? loadu(db + o + 8 * j) : splat(0.0f);
    for (long n = 0; n < batch; n++)
#pragma GCC unroll 4
      for (long j = 0; j < 4; j++) s[j] += loadu(dz + n * out + o + 8 * j);
#pragma GCC unroll 4
    for (long j = 0; j < 4; j++) storeu(db + o + 8 * j, s[j]);
  }
  for (; o < out; o++) {
    float s = accumulate ? db[o] : 0.0f;
    for (long n = 0; n < batch; n++) s += dz[n * out + o];
    db[o] = s;
  }
}

namespace {
// __restrict__: the tensors never overlap, and without the promise GCC leaves this loop scalar.
RLP_INLINE void adamLoop(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
                         float* __restrict__ m, float* __restrict__ v, long n, const AdamArgs& h) {
  const float b1 = h.beta1, b2 = h.beta2, c1 = 1.0f - h.beta1, c2 = 1.0f - h.beta2;
  const float stepSize = h.lr / h.bc1;
  const float invSqrtBc2 = 1.0f / std::sqrt(h.bc2);
  const float s = h.gradScale;
  const float eps = h.eps;
  if (mask) {
    for (long i = 0; i < n; i++) {
      const float k = mask[i];
      const float gi = g[i] * s * k;
      const float mi = (b1 * m[i] + c1 * gi) * k;
      const float vi = (b2 * v[i] + c2 * gi * gi) * k;
      m[i] = mi;
      v[i] = vi;
      // Arithmetic instead of a select keeps the loop vectorised; "+ 0.0f" turns -0 into +0.
      p[i] = (p[i] - stepSize * mi / (std::sqrt(vi) * invSqrtBc2 + eps)) * k + 0.0f;
    }
  } else {
    for (long i = 0; i < n; i++) {
      const float gi = g[i] * s;
      const float mi = b1 * m[i] + c1 * gi;
      const float vi = b2 * v[i] + c2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] -= stepSize * mi / (std::sqrt(vi) * invSqrtBc2 + eps);
    }
  }
}
RLP_MULTIVERSION
void adamPortable(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
                  float* __restrict__ m, float* __restrict__ v, long n, const AdamArgs& h) {
  adamLoop(p, g, mask, m, v, n, h);
}

#ifdef RLP_HAVE_V4
// The same loop in 16 lanes: sqrt and divide share one slow unit that bounds this loop more than
// memory does, and the wider instructions get more out of it on Zen 4 (12% here; 14-bit reciprocal
// estimates plus Newton steps instead were slower).
__attribute__((target("arch=x86-64-v4,prefer-vector-width=512")))
void adamV4(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
            float* __restrict__ m, float* __restrict__ v, long n, const AdamArgs& h) {
  adamLoop(p, g, mask, m, v, n, h);
}
#endif
}  // namespace

void adam(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
          float* __restrict__ m, float* __restrict__ v, long n, const AdamArgs& h) {
#ifdef RLP_HAVE_V4
  if (gemmChoice().level == 4) {
    adamV4(p, g, mask, m, v, n, h);
    return;
  }
#endif
  adamPortable(p, g, mask, m, v, n, h);
}

double sumSquares(const float* x, long n) {
  double s = 0.0;
  for (long i = 0; i < n; i++) s += (double)x[i] * x[i];
  return s;
}

const char* simdLevel() { return gemmChoice().name; }

}  // namespace rlp
