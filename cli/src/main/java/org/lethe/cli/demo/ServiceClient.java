package org.lethe.cli.demo;

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

/** A small JSON client of the model service's REST API, as a subject or an operator uses it. */
final class ServiceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final Optional<String> adminToken;

    ServiceClient(String baseUrl, Optional<String> adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return post(path, json.writeValueAsString(body));
    }

    /** Polls {@code path} until the answer satisfies {@code done}, for at most {@code limit}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode answer = get(path);
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " did not get there in " + limit + ": " + answer);
            }
            Thread.sleep(200);
            answer = get(path);
        }
        return answer;
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        adminToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(answer.body());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + body.path("detail").asText(answer.body()));
        }
        return body;
    }
}
