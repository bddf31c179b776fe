// Portable SIMD plumbing. Hot loops are written once with GCC vector extensions and compiled twice
// through function multiversioning: an x86-64-v3 (AVX2+FMA) clone and a baseline clone, chosen by
// the loader at runtime. So one shipped binary is fast on modern CPUs and still runs on old ones,
// with no -march=native at build time.
#pragma once

// RLP_NO_MULTIVERSION builds only the baseline, to test that path on a machine that has AVX2.
#if defined(__x86_64__) && defined(__linux__) && !defined(RLP_NO_MULTIVERSION) && defined(__GNUC__) && !defined(__clang__)
#define RLP_MULTIVERSION __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define RLP_MULTIVERSION
#endif

#define RLP_INLINE static inline __attribute__((always_inline))

// Eight floats: one AVX register, or two SSE registers in the baseline clone.
typedef float v8f __attribute__((vector_size(32)));
