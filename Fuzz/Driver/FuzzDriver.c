// The driver itself lives in the fuzzer runtime; this target only declares it.
