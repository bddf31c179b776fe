// Portable SIMD plumbing. Hot loops are written once with GCC vector extensions and compiled twice
// through function multiversioning: an x86-64-v3 (AVX2+FMA) clone and a baseline clone, chosen by
// the loader at runtime. So one shipped binary is fast on modern CPUs and still runs on old ones,
// with no -march=native at build time. The GEMM and Adam also have an x86-64-v4 (AVX-512) variant,
// with its own register tile, chosen at their first call (kernels.cc).
#pragma once

// RLP_NO_MULTIVERSION builds only the baseline, to test that path on a machine that has AVX2.
#if defined(__x86_64__) && defined(__linux__) && !defined(RLP_NO_MULTIVERSION) && defined(__GNUC__) && !defined(__clang__)
#define RLP_MULTIVERSION __attribute__((target_clones("arch=x86-64-v3", "default")))
// The GEMM picks its variant itself (each has its own register tile), at the first call.
#define RLP_X86_DISPATCH 1
#define RLP_TARGET_V3 __attribute__((target("arch=x86-64-v3")))
// RLP_NO_AVX512 leaves the AVX-512 GEMM out, to test the AVX2 one on a machine that has AVX-512.
#if !defined(RLP_NO_AVX512)
#define RLP_HAVE_V4 1
#define RLP_TARGET_V4 __attribute__((target("arch=x86-64-v4")))
#endif
#else
#define RLP_MULTIVERSION
#endif

#define RLP_INLINE static inline __attribute__((always_inline))

// Eight floats: one AVX register, or two SSE registers in the baseline clone.
typedef float v8f __attribute__((vector_size(32)));
// Sixteen floats: one AVX-512 register; only used in code compiled for x86-64-v4.
typedef float v16f __attribute__((vector_size(64)));
