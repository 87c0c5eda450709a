package org.lethe.evidence.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line, as a regulator would, to check what Lethe signs. */
public final class OpenSsl {

    private OpenSsl() {
    }

    public static boolean installed() {
        return run(List.of("version")) == 0;
    }

    /** Exit status of {@code openssl cms -verify} on a detached DER signature, trusting the given PEM certificate. */
    public static int verifyDetached(Path content, Path signature, Path certificate) {
        return run(List.of("cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(), "-content",
                content.toString(), "-CAfile", certificate.toString(), "-out", "/dev/null"));
    }

    /** The command's exit status, or -1 if openssl cannot be started. */
    public static int run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish in 60 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
