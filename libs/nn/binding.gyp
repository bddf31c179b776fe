{
  "targets": [
    {
      "target_name": "rlprune_nn",
      "sources": ["native/addon.cc", "native/kernels.cc"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags": ["-O3", "-fno-math-errno", "-Wno-psabi"],
      "cflags_cc": ["-O3", "-fno-math-errno", "-Wno-psabi", "-fexceptions"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "GCC_OPTIMIZATION_LEVEL": "3"
      },
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
