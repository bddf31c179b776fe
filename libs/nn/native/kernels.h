// Dense-layer kernels on raw float32 arrays (no N-API here, so they can be tested and timed alone).
#pragma once
#include <cstddef>

namespace rlp {

enum Activation { kLinear = 0, kTanh = 1, kRelu = 2 };

// C[M,N] = (accumulate ? C : 0) + A B, then (optionally) + bias[n], activation, * mask[m,n].
// A(m,k) = a[m*rsa + k*csa]; B(k,n) = b[k*rsb + n*csb]; C row-major with leading dimension ldc.
// The strides let one routine do X W^T (forward), dZ W (input gradient) and dZ^T X (weight gradient)
// without transposing anything in memory: operands are packed into cache-sized panels anyway.
struct GemmArgs {
  long M, N, K;
  const float* a; long rsa, csa;
  const float* b; long rsb, csb;
  float* c; long ldc;
  bool accumulate;
  const float* bias;   // length N, or null
  Activation act;
  const float* mask;   // same layout as C, or null
};
void gemm(const GemmArgs& g);

// Multiplies an upstream gradient by the activation derivative, written in terms of the
// activation's output y (tanh' = 1 - y^2, relu' = [y > 0]): d[i] *= f'(y[i]).
void activationBackward(float* d, const float* y, long n, Activation act);

// db[o] (+)= sum_n dz[n*out + o].
void columnSums(const float* dz, long batch, long out, float* db, bool accumulate);

// One Adam step on one tensor (PyTorch's formula, bias-corrected); masked entries (mask == 0)
// keep parameter and both moments at exactly zero.
struct AdamArgs {
  float lr, beta1, beta2, eps;
  float bc1, bc2;     // 1 - beta^t
  float gradScale;    // global clipping factor, 1 when not clipping
};
void adam(float* __restrict__ p, const float* __restrict__ g, const float* __restrict__ mask,
          float* __restrict__ m, float* __restrict__ v, long n, const AdamArgs& h);

double sumSquares(const float* x, long n);

// Name of the instruction set the multiversioned kernels run with on this CPU.
const char* simdLevel();

}  // namespace rlp
