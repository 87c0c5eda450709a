package org.lethe.ml.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.ml.network.NumericEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay runs on the verifier's machine, not the provider's: here a second JVM, with another heap, garbage
 * collector, time zone, locale and working directory but the same pinned numeric environment and thread counts,
 * trains the same seeded model and must get the same weights, bit for bit.
 */
class TrainingAcrossProcessesTest {

    @TempDir
    Path here;
    @TempDir
    Path elsewhere;

    @Test
    void anotherProcessInAnotherEnvironmentTrainsTheSameWeights() throws IOException, InterruptedException {
        assertEquals(List.of(), NumericEnvironment.unpinned(), "the tests run pinned, as the launcher does");
        String expected = ReplayProcess.train(here).weightsHash().toHex();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Duser.timezone=Pacific/Auckland", "-Duser.language=tr",
                "-Djava.io.tmpdir=" + elsewhere));
        for (String djl : List.of("ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            command.add("-D" + djl + "=" + System.getProperty(djl));
        }
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ReplayProcess.class.getName(), elsewhere.resolve("checkpoints").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("TZ", "Pacific/Auckland");
        environment.put("LANG", "tr_TR.UTF-8");
        environment.put("MALLOC_ARENA_MAX", "1");
        environment.putAll(NumericEnvironment.PINNED);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the other process did not finish");

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("weights " + expected), "this process trained " + expected + "; the other: " + output);
    }
}
