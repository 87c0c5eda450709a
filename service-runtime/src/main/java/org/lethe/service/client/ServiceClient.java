package org.lethe.service.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A small JSON client of a Lethe service's REST API, as a subject, an operator or another service uses it. */
public final class ServiceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final Optional<String> adminToken;

    public ServiceClient(String baseUrl, Optional<String> adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A file the service serves (a report, a signature), as bytes. */
    public byte[] bytes(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        adminToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " for " + path);
        }
        return answer.body();
    }

    /** What {@code path} holds, or empty when the service answers 404. */
    public Optional<JsonNode> find(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(judged(answer));
    }

    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return post(path, json.writeValueAsString(body));
    }

    public JsonNode put(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    /**
     * Polls {@code path} until it exists (a 404 is "not yet") and the answer satisfies {@code done}, for at most
     * {@code limit}.
     */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<JsonNode> answer = find(path);
        while (answer.filter(done).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " did not get there in " + limit + ": "
                        + answer.map(JsonNode::toString).orElse("not found"));
            }
            Thread.sleep(200);
            answer = find(path);
        }
        return answer.get();
    }

    /** The HTTP status of a POST, without judging it (for callers that check it themselves). */
    public int postStatus(String path, String body) throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        adminToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return judged(exchange(request));
    }

    private JsonNode judged(HttpResponse<String> answer) throws IOException {
        JsonNode body = json.readTree(answer.body());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + body.path("detail").asText(answer.body()));
        }
        return body;
    }
}
