// Blocked GEMM with fused epilogue, activation derivatives and Adam, in the BLIS loop order:
// pack a KC x NC block of B into NR-wide panels, a MC x KC block of A into MR-high panels, and run
// a 6x16 register-blocked micro-kernel over them. The B micro-panel (KC x 16 floats) stays in L1 while
// the A block streams from L2. Zero-padded packing handles ragged edges, so the micro-kernel has no
// branches; the epilogue (accumulate, bias, activation, mask to +0) runs once per tile on the last K block.
#include "kernels.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "simd.h"

namespace rlp {
namespace {

constexpr long MR = 6;
constexpr long NR = 16;
constexpr long KC = 256;
constexpr long MC = 96;   // multiple of MR
constexpr long NC = 1024; // multiple of NR

// Scratch for packed panels; one set per thread so worker threads can use the addon concurrently.
thread_local std::vector<float> packA;
thread_local std::vector<float> packB;

RLP_INLINE v8f loadu(const float* p) {
  v8f v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
RLP_INLINE void storeu(float* p, v8f v) { std::memcpy(p, &v, sizeof v); }
// Scalar-vector arithmetic makes GCC emit one broadcast (vbroadcastss) instead of lane inserts.
RLP_INLINE v8f splat(float x) { return v8f{} + x; }

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
RLP_INLINE v8f activate(v8f x, Activation act) {
  if (act == kTanh) return tanhApprox<v8f>(x, splat(-kTanhClamp), splat(kTanhClamp));
  if (act == kRelu) return x > 0.0f ? x : splat(0.0f);
  return x;
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

// Ap[k*MR + r] = A(m0 + r, k0 + k), zero beyond M.
RLP_INLINE void packPanelA(const GemmArgs& g, long m0, long k0, long kc, float* ap) {
  const long mr = g.M - m0 < MR ? g.M - m0 : MR;
  for (long k = 0; k < kc; k++) {
    const float* src = g.a + m0 * g.rsa + (k0 + k) * g.csa;
    float* dst = ap + k * MR;
    long r = 0;
    for (; r < mr; r++) dst[r] = src[r * g.rsa];
    for (; r < MR; r++) dst[r] = 0.0f;
  }
}

// Bp[k*NR + c] = B(k0 + k, n0 + c), zero beyond N. Loop order follows the contiguous stride.
RLP_INLINE void packPanelB(const GemmArgs& g, long n0, long k0, long kc, float* bp) {
  const long nr = g.N - n0 < NR ? g.N - n0 : NR;
  if (g.csb == 1) {
    for (long k = 0; k < kc; k++) {
      const float* src = g.b + (k0 + k) * g.rsb + n0;
      float* dst = bp + k * NR;
      long c = 0;
      for (; c < nr; c++) dst[c] = src[c];
      for (; c < NR; c++) dst[c] = 0.0f;
    }
  } else if (g.rsb == 1 && nr == NR) {
    // Transposing copy (forward pass: columns of B are rows of W): 8x8 blocks moved with vector
    // loads, an in-register transpose and vector stores, instead of one scalar per element.
    long k = 0;
    for (; k + 8 <= kc; k += 8) {
      for (long h = 0; h < 2; h++) {
        v8f r[8];
#pragma GCC unroll 8
        for (long i = 0; i < 8; i++) r[i] = loadu(g.b + (n0 + 8 * h + i) * g.csb + k0 + k);
        transpose8(r);
#pragma GCC unroll 8
        for (long i = 0; i < 8; i++) storeu(bp + (k + i) * NR + 8 * h, r[i]);
      }
    }
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
RLP_INLINE void microKernel(const GemmArgs& g, long kc, const float* ap, const float* bp, long m0,
                            long n0, bool loadC, bool last) {
  v8f acc[MR][2];
#pragma GCC unroll 6
  for (long r = 0; r < MR; r++) acc[r][0] = acc[r][1] = splat(0.0f);
  for (long k = 0; k < kc; k++) {
    const v8f b0 = loadu(bp + k * NR);
    const v8f b1 = loadu(bp + k * NR + 8);
#pragma GCC unroll 6
    for (long r = 0; r < MR; r++) {
      const float a = ap[k * MR + r];
      acc[r][0] += b0 * a;
      acc[r][1] += b1 * a;
    }
  }
  const long mr = g.M - m0 < MR ? g.M - m0 : MR;
  const long nr = g.N - n0 < NR ? g.N - n0 : NR;
  if (nr == NR) {
    for (long r = 0; r < mr; r++) {
      float* crow = g.c + (m0 + r) * g.ldc + n0;
      for (long h = 0; h < 2; h++) {
        v8f v = acc[r][h];
        if (loadC) v += loadu(crow + 8 * h);
        if (last) {
          if (g.bias) v += loadu(g.bias + n0 + 8 * h);
          v = activate(v, g.act);
          if (g.mask) v = loadu(g.mask + (m0 + r) * g.ldc + n0 + 8 * h) != 0.0f ? v : splat(0.0f);
        }
        storeu(crow + 8 * h, v);
      }
    }
    return;
  }
  float tile[MR * NR];
  for (long r = 0; r < MR; r++) {
    storeu(tile + r * NR, acc[r][0]);
    storeu(tile + r * NR + 8, acc[r][1]);
  }
  for (long r = 0; r < mr; r++) {
    float* crow = g.c + (m0 + r) * g.ldc + n0;
    for (long c = 0; c < nr; c++) {
      float v = tile[r * NR + c];
      if (loadC) v += crow[c];
      if (last) {
        if (g.bias) v += g.bias[n0 + c];
        v = activate(v, g.act);
        if (g.mask && g.mask[(m0 + r) * g.ldc + n0 + c] == 0.0f) v = 0.0f;
      }
      crow[c] = v;
    }
  }
}


// C[m,n] = sum_k A[m*rsa + k] B[n*csb + k] for a batch of 1 to 3 rows: both operands contiguous
// along k (the forward pass X W^T with W row-major). One row of A against 4 rows of B at a time,
// 8 lanes of k per step, no packing: at this size packing W^T would cost more than the arithmetic.
// Missing rows of B at the edge alias the last valid one, so the inner loop has no branches.
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
        if (g.bias) v += g.bias[n0 + j];
        v = activate(v, g.act);
        if (g.mask && g.mask[m * g.ldc + n0 + j] == 0.0f) v = 0.0f;
        *c = v;
      }
    }
  }
}

RLP_INLINE long roundUp(long x, long to) { return (x + to - 1) / to * to; }

}  // namespace

RLP_MULTIVERSION
void gemm(const GemmArgs& g) {
  if (g.M <= 0 || g.N <= 0) return;
  if (g.K <= 0) {
    // Empty sum: C keeps or becomes zero, then the epilogue still applies.
    for (long m = 0; m < g.M; m++)
      for (long n = 0; n < g.N; n++) {
        float v = g.accumulate ? g.c[m * g.ldc + n] : 0.0f;
        if (g.bias) v += g.bias[n];
        v = activate(v, g.act);
        if (g.mask && g.mask[m * g.ldc + n] == 0.0f) v = 0.0f;
        g.c[m * g.ldc + n] = v;
      }
    return;
  }
  if (g.M < 4 && g.csa == 1 && g.rsb == 1) {
    gemmRowDot(g);
    return;
  }
  const long ncMax = g.N < NC ? roundUp(g.N, NR) : NC;
  const long kcMax = g.K < KC ? g.K : KC;
  const long mcMax = g.M < MC ? roundUp(g.M, MR) : MC;
  if ((long)packB.size() < ncMax * kcMax) packB.resize(ncMax * kcMax);
  if ((long)packA.size() < mcMax * kcMax) packA.resize(mcMax * kcMax);
  float* bpack = packB.data();
  float* apack = packA.data();

  for (long jc = 0; jc < g.N; jc += NC) {
    const long nc = g.N - jc < NC ? g.N - jc : NC;
    for (long pc = 0; pc < g.K; pc += KC) {
      const long kc = g.K - pc < KC ? g.K - pc : KC;
      const bool loadC = g.accumulate || pc > 0;
      const bool last = pc + kc == g.K;
      for (long jr = 0; jr < nc; jr += NR) packPanelB(g, jc + jr, pc, kc, bpack + jr * kc);
      for (long ic = 0; ic < g.M; ic += MC) {
        const long mc = g.M - ic < MC ? g.M - ic : MC;
        for (long ir = 0; ir < mc; ir += MR) packPanelA(g, ic + ir, pc, kc, apack + ir * kc);
        for (long jr = 0; jr < nc; jr += NR)
          for (long ir = 0; ir < mc; ir += MR)
            microKernel(g, kc, apack + ir * kc, bpack + jr * kc, ic + ir, jc + jr, loadC, last);
      }
    }
  }
}

RLP_MULTIVERSION
void activationBackward(float* d, const float* y, long n, Activation act) {
  if (act == kTanh) {
    for (long i = 0; i < n; i++) d[i] *= 1.0f - y[i] * y[i];
  } else if (act == kRelu) {
    for (long i = 0; i < n; i++) d[i] = y[i] > 0.0f ? d[i] : 0.0f;
  }
}

RLP_MULTIVERSION
void columnSums(const float* dz, long batch, long out, float* db, bool accumulate) {
  if (!accumulate)
    for (long o = 0; o < out; o++) db[o] = 0.0f;
  for (long n = 0; n < batch; n++) {
    const float* row = dz + n * out;
    for (long o = 0; o < out; o++) db[o] += row[o];
  }
}

// __restrict__: the tensors never overlap, and without the promise GCC leaves this loop scalar.
RLP_MULTIVERSION
void adam(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
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

double sumSquares(const float* x, long n) {
  double s = 0.0;
  for (long i = 0; i < n; i++) s += (double)x[i] * x[i];
  return s;
}

const char* simdLevel() {
#if defined(RLP_NO_MULTIVERSION)
  return "baseline only (built with RLP_NO_MULTIVERSION)";
#elif defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v3")) return "x86-64-v3 (avx2+fma)";
  return "x86-64 baseline";
#else
  return "generic";
#endif
}

}  // namespace rlp
