package org.lethe.modelservice;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Bounded waits for what the service does in the background: ledger writes, jobs. */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Await() {
    }

    /** Polls a resource until its {@code ledger.status} is SENT; returns its last JSON. */
    public static JsonPath sent(String path) {
        return until(() -> given().get(path).then().statusCode(200).extract().jsonPath(),
                json -> "SENT".equals(json.getString("ledger.status")), path + " never reached the ledger");
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, String failure) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + "; last: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}
