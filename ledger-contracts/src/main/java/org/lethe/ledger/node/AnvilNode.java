package org.lethe.ledger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real EVM node for development, tests and benchmarks: Anvil from the npm registry, started on a
 * free loopback port with free gas (the same economics as Lethe's permissioned Besu network) and
 * stopped on {@link #close()}.
 */
public final class AnvilNode implements AutoCloseable {

    /** Chain id of every development node. */
    public static final long CHAIN_ID = 1337;
    private static final String INTERVAL_BLOCK_GAS_LIMIT = "1000000000";

    private static final Path NPM_BINARY = Path.of("node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path log;

    private AnvilNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node that mines each transaction at once.
     *
     * @throws IllegalStateException if the binary is missing or the node does not answer in time
     */
    public static AnvilNode start() {
        return start(Optional.empty());
    }

    /**
     * Starts a node; with a block time it mines a block every that many seconds, as a real network does.
     */
    public static AnvilNode start(Optional<Duration> blockTime) {
        return start(blockTime, freePort());
    }

    /** Starts a node on a given port (to restart one that clients already know). */
    public static AnvilNode start(Optional<Duration> blockTime, int port) {
        return start(blockTime, port, Optional.empty());
    }

    /**
     * Starts a node whose chain lives in {@code stateFile}: loaded from it if it exists, written back when
     * the node is {@linkplain #stop() stopped}, so a restarted node continues the same chain.
     */
    public static AnvilNode start(Optional<Duration> blockTime, int port, Optional<Path> stateFile) {
        Path binary = locateBinary();
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(CHAIN_ID),
                "--gas-price", "0", "--base-fee", "0", "--disable-min-priority-fee",
                "--hardfork", "cancun", "--accounts", "1", "--silent"));
        // a block time mines the pool at intervals, as Besu does; a permissioned chain with free gas takes a
        // whole interval's transactions in one block
        blockTime.ifPresent(t -> command.addAll(List.of("--block-time", Long.toString(Math.max(1, t.toSeconds())),
                "--gas-limit", INTERVAL_BLOCK_GAS_LIMIT)));
        stateFile.ifPresent(file -> command.addAll(List.of("--state", file.toString())));
        try {
            Path log = Files.createTempFile("anvil-" + port + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            AnvilNode node = new AnvilNode(process, port, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    /** The JSON-RPC endpoint. */
    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the node as an operator would (SIGTERM): it writes its state file, if it has one, and exits;
     * its log is removed.
     */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        deleteLog();
    }

    /** Kills the node at once, as a crash would; {@link #close()} does the same. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        deleteLog();
    }

    /** A node that has exited is not started again (a restart is a new node, with a log of its own). */
    private void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }

    /**
     * The Anvil binary: {@code LETHE_ANVIL} if set, else the one npm installed into the nearest
     * {@code node_modules} above the working directory.
     */
    public static Path locateBinary() {
        String configured = System.getenv("LETHE_ANVIL");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NPM_BINARY);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Anvil binary: run 'npm ci' in the project root (it installs "
                + NPM_BINARY + ") or set LETHE_ANVIL");
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest chainId = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                if (http.send(chainId, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(50));
        }
        kill();
        throw new IllegalStateException("anvil did not answer on port " + port + " within " + START_TIMEOUT + ": " + logTail());
    }

    private String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
