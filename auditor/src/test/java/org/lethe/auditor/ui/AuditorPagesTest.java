package org.lethe.auditor.ui;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Verdict;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The pages as HTML over HTTP; {@link AuditorPagesBrowserTest} clicks through them in Chromium. */
@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class AuditorPagesTest {

    @Inject
    LedgerIndexer indexer;

    @Inject
    PeerChecks peers;

    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), AuditorTestResources.peers());

    @Test
    void everyPageShowsTheLedgersRecords() throws InterruptedException {
        Bytes32 subject = LedgerHistory.randomId();
        Bytes32 model = history.model();
        DeletionRequest request = history.request(subject);
        Bytes32 version = history.execute(model, request.requestId());
        history.verify(request.requestId(), Verdict.NOT_DELETED);
        indexer.catchUp();
        peers.checkAll();

        given().when().get("/").then().statusCode(200).contentType("text/html")
                .body(containsString(request.requestId().toHex())).body(containsString("verdict.certified"));
        String page = given().when().get("/ui/requests/" + request.requestId().toHex()).then().statusCode(200)
                .body(containsString("verified: NOT_DELETED")).body(containsString("executed by version " + version.toHex()))
                .extract().asString();
        String transaction = page.replaceAll("(?s).*?href=\"/ui/transactions/(0x[0-9a-f]{64})\".*", "$1");
        given().when().get("/ui/transactions/" + transaction).then().statusCode(200)
                .body(containsString("DeletionRequested"));
        given().when().get("/ui/subjects/" + subject.toHex()).then().statusCode(200)
                .body(containsString("contribution of 100 samples")).body(containsString(request.requestId().toHex()));
        given().when().get("/ui/versions").then().statusCode(200).body(containsString(version.toHex()))
                .body(containsString("<svg")).body(containsString("0.750"));
    }

    @Test
    void unknownOrMalformedIdsAreRefused() {
        given().when().get("/ui/requests/0x12").then().statusCode(400);
        given().when().get("/ui/requests/" + LedgerHistory.randomId().toHex()).then().statusCode(404);
        given().when().get("/ui/transactions/" + LedgerHistory.randomId().toHex()).then().statusCode(404);
        given().when().get("/ui/subjects/nope").then().statusCode(400);
    }
}
