package org.lethe.ml.network;

import java.util.List;
import java.util.Map;

/**
 * The environment that pins which CPU kernels PyTorch, oneDNN and MKL dispatch to, so that training gives the same
 * bits on any x86-64 machine with AVX2 and a verifier's replay on another machine reproduces the provider's
 * checkpoints. Measured on an AVX-512 Xeon: the same seeded training gave three different weight hashes unpinned,
 * with {@code MKL_CBWR} alone, and with all three variables; with all three it gave one hash whatever else of the
 * environment changed (docs/benchmarks.md). These are read by the native libraries when they load, so they must be
 * in the process's environment before it starts: the launcher, the test runner and {@code ServiceProcess} set them.
 */
public final class NumericEnvironment {

    /** Vector kernels capped at AVX2, oneDNN at AVX2, MKL on its conditional-reproducibility compatible path. */
    public static final Map<String, String> PINNED = Map.of("ATEN_CPU_CAPABILITY", "avx2", "ONEDNN_MAX_CPU_ISA", "AVX2",
            "MKL_CBWR", "COMPATIBLE");

    private NumericEnvironment() {
    }

    /** The pinned variables this process's environment lacks or sets otherwise; empty when pinned. */
    public static List<String> unpinned() {
        return PINNED.entrySet().stream()
                .filter(variable -> !variable.getValue().equals(System.getenv(variable.getKey())))
                .map(variable -> variable.getKey() + "=" + variable.getValue()).sorted().toList();
    }

    /** Logs a warning when this process is not pinned: its training will not replay bit for bit elsewhere. */
    public static void warnIfUnpinned(System.Logger log) {
        List<String> missing = unpinned();
        if (!missing.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "the numeric environment is not pinned (set " + String.join(" ", missing)
                    + " before starting): training here will not replay bit for bit on another machine");
        }
    }
}
