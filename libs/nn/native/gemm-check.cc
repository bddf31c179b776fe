// Checks the blocked GEMM (every stride layout, ragged sizes, accumulate, bias, activations, mask)
// against a float64 triple loop. Built three times by native-kernels.test.ts: with the multiversioned
// kernels (the widest variant this CPU runs), with RLP_NO_AVX512 (the AVX2 variant) and with
// RLP_NO_MULTIVERSION, so the variants shipped for older CPUs are tested too.
#include "kernels.h"
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <vector>
using namespace rlp;
int main() {
  srand(1); double worst = 0;
  for (int trial = 0; trial < 200; trial++) {
    // Mostly small ragged shapes; every 10th one spans several register tiles and K blocks.
    const bool big = trial % 10 == 0;
    long M = 1 + rand() % (big ? 150 : 40), N = 1 + rand() % (big ? 150 : 40), K = 1 + rand() % (big ? 700 : 300);
    int mode = rand() % 3; bool acc = rand() % 2; bool useBias = rand() % 2; Activation act = (Activation)(rand() % 3);
    std::vector<float> a(M * K), b(K * N), c(M * N), ref(M * N), bias(N), mask(M * N);
    for (auto& v : a) v = rand() / (float)RAND_MAX - 0.5f;
    for (auto& v : b) v = rand() / (float)RAND_MAX - 0.5f;
    for (auto& v : bias) v = rand() / (float)RAND_MAX - 0.5f;
    for (auto& v : mask) v = rand() % 4 ? 1.f : 0.f;
    for (long i = 0; i < M * N; i++) c[i] = ref[i] = rand() / (float)RAND_MAX;
    long rsa = mode == 2 ? 1 : K, csa = mode == 2 ? M : 1;      // mode 2: A transposed in memory
    long rsb = mode == 0 ? 1 : N, csb = mode == 0 ? K : 1;      // mode 0: B transposed in memory
    GemmArgs g{M, N, K, a.data(), rsa, csa, b.data(), rsb, csb, c.data(), N, acc, useBias ? bias.data() : nullptr, act, mode == 2 ? mask.data() : nullptr};
    gemm(g);
    for (long m = 0; m < M; m++) for (long n = 0; n < N; n++) {
      double s = acc ? ref[m * N + n] : 0;
      for (long k = 0; k < K; k++) s += (double)a[m * rsa + k * csa] * b[k * rsb + n * csb];
      if (useBias) s += bias[n];
      if (act == kTanh) s = std::tanh(s); else if (act == kRelu) s = s > 0 ? s : 0;
      if (mode == 2 && mask[m * N + n] == 0) s = 0;
      worst = std::fmax(worst, std::fabs(s - c[m * N + n]) / (1 + std::fabs(s)));
    }
  }
  printf("%s worst rel err %.3g\n", simdLevel(), worst);
  return worst < 1e-5 ? 0 : 1;
}
