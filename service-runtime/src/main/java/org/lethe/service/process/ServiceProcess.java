package org.lethe.service.process;

import org.lethe.ledger.node.AnvilNode;
import org.lethe.ml.network.NumericEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A packaged Lethe service ({@code <module>/target/quarkus-app}, found under {@code lethe.home}) run as its
 * own process, as an operator runs it: embedded PostgreSQL in its data directory, the given settings.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The provider's service. */
    public static final String MODEL_SERVICE = "model-service";
    /** The independent verifier. */
    public static final String VERIFIER = "verifier";
    /** The auditor, which reads the ledger only. */
    public static final String AUDITOR = "auditor";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private final String module;
    /** The data directory this process was started on, when it is its own to remove. */
    private final Optional<ScratchDirectory> scratch;
    /** Stops the service when the JVM that started it exits without closing it (Ctrl-C on a demo). */
    private final Thread stopOnExit = new Thread(this::stop, "stop-service");

    private ServiceProcess(String module, Process process, int port, Path log, Optional<ScratchDirectory> scratch) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
        this.scratch = scratch;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the service on a fresh data directory, removed when the service is closed.
     *
     * @param settings Quarkus and Lethe settings, passed as system properties
     */
    public static ServiceProcess start(String module, Map<String, String> settings)
            throws IOException, InterruptedException {
        ScratchDirectory data = ScratchDirectory.create("lethe-" + module);
        try {
            return start(module, settings, data.path(), Optional.of(data));
        } catch (IOException | InterruptedException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /**
     * Starts the service on a data directory ({@code LETHE_DATA_DIR}: its PostgreSQL and checkpoints), so
     * that a later start continues where this one stopped.
     */
    public static ServiceProcess start(String module, Map<String, String> settings, Path data)
            throws IOException, InterruptedException {
        return start(module, settings, data, Optional.empty());
    }

    private static ServiceProcess start(String module, Map<String, String> settings, Path data,
            Optional<ScratchDirectory> scratch) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("lethe.home", "."), module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./lethe (or ./mvnw package)");
        }
        int port = AnvilNode.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN"));
        // DJL as the CLI runs it: offline, the same fixed thread counts
        for (String djl : List.of("ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            Optional.ofNullable(System.getProperty(djl)).ifPresent(value -> command.add("-D" + djl + "=" + value));
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("lethe-" + module, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LETHE_DATA_DIR", data.toString());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().putAll(NumericEnvironment.PINNED);
        ServiceProcess service = new ServiceProcess(module, builder.start(), port, log, scratch);
        service.awaitReady();
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = Files.readString(log);
                close();
                throw new IllegalStateException("the " + module + " exited: " + output);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the " + module + " did not become ready in " + START_TIMEOUT);
    }

    /**
     * Kills the service with SIGKILL, as a crash or an out-of-memory killer would: no shutdown hook runs, its
     * embedded PostgreSQL is left running, and its data stays for a later start.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the service as an operator would (SIGTERM), waits for it to exit and removes its scratch data. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook stops the service
            return;
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            process.waitFor();
            Files.deleteIfExists(log);
            scratch.ifPresent(ScratchDirectory::close);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
