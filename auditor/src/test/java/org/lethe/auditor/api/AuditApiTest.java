package org.lethe.auditor.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class AuditApiTest {

    @Inject
    LedgerIndexer indexer;

    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), AuditorTestResources.peers());

    @Test
    void requestsAreFilteredBySubjectStatusModelAndPeriodAndPaged() {
        Bytes32 subject = LedgerHistory.randomId();
        Bytes32 model = history.model();
        DeletionRequest first = history.request(subject);
        DeletionRequest second = history.request(subject);
        DeletionRequest third = history.request(subject);
        Bytes32 executedBy = history.execute(model, second.requestId());
        history.execute(model, third.requestId());
        history.verify(third.requestId(), Verdict.CERTIFIED);
        indexer.catchUp();

        given().queryParam("subject", subject.toHex()).when().get("/requests").then().statusCode(200)
                .body("total", equalTo(3))
                .body("requests.timeline.requestId", contains(first.requestId().toHex(), second.requestId().toHex(),
                        third.requestId().toHex()));
        given().queryParam("subject", subject.toHex()).queryParam("status", "EXECUTED").when().get("/requests").then()
                .statusCode(200).body("total", equalTo(1))
                .body("requests[0].timeline.execution.version", equalTo(executedBy.toHex()));
        given().queryParam("subject", subject.toHex()).queryParam("status", "REQUESTED").when().get("/requests").then()
                .body("requests.timeline.requestId", contains(first.requestId().toHex()));
        given().queryParam("model", model.toHex()).when().get("/requests").then()
                .body("total", equalTo(2)).body("requests.status", contains("EXECUTED", "CERTIFIED"));
        given().queryParam("subject", subject.toHex()).queryParam("limit", 1).queryParam("offset", 1).when()
                .get("/requests").then().body("total", equalTo(3))
                .body("requests.timeline.requestId", contains(second.requestId().toHex()));
        Instant requested = first.requestedAt();
        given().queryParam("subject", subject.toHex()).queryParam("from", requested.plusSeconds(3600).toString())
                .when().get("/requests").then().body("total", equalTo(0));
        // the period is [from, to), taken from the requests' own block times: a busy machine may mine them seconds apart
        given().queryParam("subject", subject.toHex()).queryParam("from", requested.toString())
                .queryParam("to", third.requestedAt().plusSeconds(1).toString()).when().get("/requests").then()
                .body("total", equalTo(3));
        given().queryParam("subject", subject.toHex()).queryParam("from", requested.minusSeconds(1).toString())
                .queryParam("to", requested.toString()).when().get("/requests").then()
                .body("total", equalTo(0));
    }

    @Test
    void oneRequestsTimelineNamesEveryTransactionAndItsDeadline() {
        Bytes32 model = history.model();
        DeletionRequest request = history.request();
        history.execute(model, request.requestId());
        history.verify(request.requestId(), Verdict.CERTIFIED);
        indexer.catchUp();

        given().when().get("/requests/" + request.requestId().toHex()).then().statusCode(200)
                .body("status", equalTo("CERTIFIED"))
                .body("dueBy", equalTo(request.requestedAt().plusSeconds(86_400).toString()))
                .body("timeline.anchor.transaction", notNullValue())
                .body("timeline.execution.transaction", notNullValue())
                .body("timeline.verification.transaction", notNullValue())
                .body("timeline.verification.probes", equalTo(6))
                .body("violations", hasSize(0));
    }

    @Test
    void summaryVersionsRulesAndIndexAnswer() {
        Bytes32 model = history.model();
        history.request();
        indexer.catchUp();

        given().when().get("/summary").then().statusCode(200)
                .body("requests.REQUESTED", greaterThanOrEqualTo(1))
                .body("violations.'deadline.executed'", notNullValue())
                .body("index.readFailure", equalTo(null));
        given().queryParam("model", model.toHex()).when().get("/versions").then().statusCode(200)
                .body("modelId", everyItem(equalTo(model.toHex()))).body("$", hasSize(1));
        given().when().get("/rules").then().statusCode(200).body("id", hasItem("certificate.matches"));
        given().when().get("/index").then().statusCode(200).body("contract", notNullValue());
        given().when().get("/batches").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/requests/{requestId}"))
                .body(containsString("/reports"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void badFiltersAndIdsAreRefusedWithProblemJson() {
        refused("/requests?status=DONE", 400, "status must be one of");
        refused("/requests?subject=0x1234", 400, "subject must be 0x and 64 hex digits");
        refused("/requests?model=nope", 400, "model must be 0x and 64 hex digits");
        refused("/requests?from=yesterday", 400, "from must be a date");
        refused("/requests?from=2026-02-01&to=2026-01-01", 400, "must be before to");
        refused("/requests?limit=0", 400, "limit must be within 1..1000");
        refused("/requests?limit=1001", 400, "limit must be within 1..1000");
        refused("/requests?offset=-1", 400, "offset must not be negative");
        refused("/requests/0xabc", 400, "requestId must be 0x and 64 hex digits");
        refused("/requests/" + LedgerHistory.randomId().toHex(), 404, "names no deletion request");
        refused("/violations?rule=made.up", 400, "rule must be one of");
        refused("/versions?model=0x", 400, "model must be 0x and 64 hex digits");
    }

    private static void refused(String path, int status, String detail) {
        given().when().get(path).then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", containsString(detail));
    }
}
