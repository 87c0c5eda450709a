package org.lethe.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.web3j.crypto.TransactionDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC proxy in front of a node that notes the nonce of every raw transaction in the order the
 * node receives them, so a test can see the order a client's concurrent sends arrive in.
 */
public final class SendOrderRecorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI node;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer server;
    private final List<Long> nonces = new ArrayList<>();

    public SendOrderRecorder(String nodeRpcUrl) {
        this.node = URI.create(nodeRpcUrl);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Nonces of the raw transactions forwarded so far, in arrival order. */
    public synchronized List<Long> nonces() {
        return List.copyOf(nonces);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            // noted and forwarded as one step, so the node sees the order the list shows
            HttpResponse<byte[]> answer;
            synchronized (this) {
                noteSends(JSON.readTree(body));
                answer = http.send(HttpRequest.newBuilder(node).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } finally {
            exchange.close();
        }
    }

    private void noteSends(JsonNode call) {
        if (call.isArray()) {
            call.forEach(this::noteSends);
        } else if ("eth_sendRawTransaction".equals(call.path("method").asText())) {
            nonces.add(TransactionDecoder.decode(call.path("params").get(0).asText()).getNonce().longValueExact());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
