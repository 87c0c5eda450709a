package org.lethe.auditor.rules;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.PeerStub;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.ledger.record.LayerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule made to fire by a history written to the ledger, and kept quiet by an honest one. The deadline
 * is a day here; the ledger's clock is moved past it.
 */
@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class AuditRulesTest {

    private static final Duration PAST_DEADLINE = Duration.ofDays(2);

    @Inject
    LedgerIndexer indexer;

    @Inject
    PeerChecks peerChecks;

    private final PeerStub peers = AuditorTestResources.peers();
    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), peers);

    @Test
    void aRequestNotExecutedByItsDeadlineIsAViolationOneExecutedInTimeIsNot() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest ignored = history.request();
        DeletionRequest honoured = history.request();
        history.execute(model, honoured.requestId());
        DeletionBatchTree ignoredBatch = history.batch(List.of(LedgerHistory.randomId(), LedgerHistory.randomId()));

        assertTrue(violationsOf("deadline.executed", "request " + ignored.requestId().toHex()).isEmpty(), "not due yet");
        history.advance(PAST_DEADLINE);

        List<Violation> late = violationsOf("deadline.executed", "request " + ignored.requestId().toHex());
        assertEquals(1, late.size());
        assertTrue(late.get(0).evidence().contains("not executed as of"), late.get(0).evidence());
        assertEquals(1, violationsOf("deadline.executed", "batch " + ignoredBatch.batch().batchRoot().toHex()).size());
        assertTrue(violationsOf("deadline.executed", "request " + honoured.requestId().toHex()).isEmpty());
    }

    @Test
    void anExecutedRequestLeftUnverifiedPastItsDeadlineIsAViolationAVerifiedOneIsNot() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest unverified = history.request();
        DeletionRequest verified = history.request();
        history.execute(model, unverified.requestId());
        history.execute(model, verified.requestId());
        history.verify(verified.requestId(), Verdict.CERTIFIED);
        history.advance(PAST_DEADLINE);

        List<Violation> found = violationsOf("deadline.verified", "request " + unverified.requestId().toHex());
        assertEquals(1, found.size());
        assertTrue(found.get(0).evidence().contains("not verified as of"), found.get(0).evidence());
        assertTrue(violationsOf("deadline.verified", "request " + verified.requestId().toHex()).isEmpty());
        assertTrue(violationsOf("deadline.executed", "request " + unverified.requestId().toHex()).isEmpty(),
                "executed in time: only the verification is late");
    }

    @Test
    void aVerdictOtherThanCertifiedIsAViolation() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest kept = history.request();
        DeletionRequest undecided = history.request();
        DeletionRequest certified = history.request();
        for (DeletionRequest request : List.of(kept, undecided, certified)) {
            history.execute(model, request.requestId());
        }
        history.verify(kept.requestId(), Verdict.NOT_DELETED);
        history.verify(undecided.requestId(), Verdict.INCONCLUSIVE);
        history.verify(certified.requestId(), Verdict.CERTIFIED);

        List<Violation> notDeleted = violationsOf("verdict.certified", "request " + kept.requestId().toHex());
        assertEquals(1, notDeleted.size());
        assertTrue(notDeleted.get(0).evidence().startsWith("verdict NOT_DELETED"), notDeleted.get(0).evidence());
        assertEquals(1, violationsOf("verdict.certified", "request " + undecided.requestId().toHex()).size());
        assertTrue(violationsOf("verdict.certified", "request " + certified.requestId().toHex()).isEmpty());
    }

    @Test
    void aVersionBuiltOnAnOlderOneBranchesTheHistoryAChainDoesNot() throws InterruptedException {
        Bytes32 model = history.model();
        Bytes32 first = history.newestVersion(model);
        Bytes32 second = history.version(model, first);
        Bytes32 branch = history.version(model, first);

        List<Violation> found = violationsOf("version.parent-recorded", "version " + branch.toHex());
        assertEquals(1, found.size());
        assertTrue(found.get(0).evidence().contains("the history branches"), found.get(0).evidence());
        assertTrue(violationsOf("version.parent-recorded", "version " + second.toHex()).isEmpty());
        assertTrue(violationsOf("version.parent-recorded", "version " + first.toHex()).isEmpty());
    }

    @Test
    void servingAnOlderVersionThanTheNewestRecordedIsAViolation() throws InterruptedException {
        Bytes32 model = history.model();
        Bytes32 old = history.newestVersion(model);
        Bytes32 newest = history.version(model, old);

        peers.serve(old);
        List<Violation> found = violationsOf("version.served-latest", "version " + old.toHex());
        assertEquals(1, found.size());
        assertTrue(found.get(0).records().contains("version " + newest.toHex()));

        peers.serve(LedgerHistory.randomId());
        assertEquals(1, violations("version.served-latest").size(), "an unrecorded version served");

        peers.serve(newest);
        assertTrue(violations("version.served-latest").isEmpty());
    }

    /**
     * The model service down: the served-version rule is reported as not checked, with why, and neither as broken
     * nor as kept; once it answers again the rule is checked.
     */
    @Test
    void theServedVersionRuleIsNotCheckedWhileTheModelServiceCannotSay() throws InterruptedException {
        Bytes32 model = history.model();
        Bytes32 old = history.newestVersion(model);
        history.version(model, old);
        peers.serve(old);
        peers.takeModelServiceDown();

        assertTrue(violations("version.served-latest").isEmpty());
        JsonPath summary = given().when().get("/summary").then().statusCode(200).extract().jsonPath();
        String reason = summary.getString("notChecked.'version.served-latest'");
        assertTrue(reason != null && reason.startsWith("the model service could not say which version it serves"),
                summary.prettify());

        peers.serve(old);
        assertEquals(1, violations("version.served-latest").size(), "checked again once it answers");
        assertTrue(given().when().get("/summary").then().statusCode(200).extract().jsonPath()
                .getMap("notChecked").isEmpty());
    }

    @Test
    void aCertificateThatIsMissingChangedOrForgedIsAViolationTheSignedOneIsNot() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest matching = history.request();
        DeletionRequest changed = history.request();
        DeletionRequest forged = history.request();
        DeletionRequest missing = history.request();
        for (DeletionRequest request : List.of(matching, changed, forged, missing)) {
            history.execute(model, request.requestId());
        }
        history.verify(matching.requestId(), Verdict.CERTIFIED);
        history.verify(changed.requestId(), Verdict.NOT_DELETED);
        peers.rewrite(changed.requestId(), "CERTIFIED");
        history.verify(forged.requestId(), Optional.empty(), Verdict.CERTIFIED,
                peers.certifyWithForeignKey(forged.requestId(), "CERTIFIED"));
        history.verify(missing.requestId(), Optional.empty(), Verdict.CERTIFIED, LedgerHistory.randomId());

        assertTrue(violationsOf("certificate.matches", "request " + matching.requestId().toHex()).isEmpty());
        assertOutcome(changed, "HASH_MISMATCH");
        assertOutcome(forged, "BAD_SIGNATURE");
        assertOutcome(missing, "MISSING");
    }

    @Test
    void aVerificationWhoseServingLayerFailedOnTheLedgerIsAnEvasionOthersAreNot() throws InterruptedException {
        Bytes32 model = history.model();
        DeletionRequest evaded = history.request();
        DeletionRequest unserved = history.request();
        DeletionRequest certified = history.request();
        for (DeletionRequest request : List.of(evaded, unserved, certified)) {
            history.execute(model, request.requestId());
        }
        String reason = "evasion: the served model no longer shows triggers it was trained with (3 of 3 sentinel subjects)";
        VerificationLayers servingFailed = new VerificationLayers(LayerState.PASSED, LayerState.NOT_CHECKED,
                LayerState.FAILED, LayerState.PASSED);
        history.verify(evaded.requestId(), Optional.empty(), Verdict.INCONCLUSIVE,
                peers.certifyEvasion(evaded.requestId(), reason), servingFailed);
        // the verifier serves no certificate for this one: the ledger's record of the layers is evidence enough
        history.verify(unserved.requestId(), Optional.empty(), Verdict.INCONCLUSIVE, LedgerHistory.randomId(),
                servingFailed);
        history.verify(certified.requestId(), Verdict.CERTIFIED);

        List<Violation> found = violationsOf("serving.evasion", "request " + evaded.requestId().toHex());
        assertEquals(1, found.size());
        assertTrue(found.get(0).evidence().startsWith(reason), found.get(0).evidence());
        List<Violation> unservedFound = violationsOf("serving.evasion", "request " + unserved.requestId().toHex());
        assertEquals(1, unservedFound.size());
        assertTrue(unservedFound.get(0).evidence().startsWith("the ledger records the serving layer FAILED"),
                unservedFound.get(0).evidence());
        assertTrue(violationsOf("serving.evasion", "request " + certified.requestId().toHex()).isEmpty());
    }

    private void assertOutcome(DeletionRequest request, String outcome) throws InterruptedException {
        List<Violation> found = violationsOf("certificate.matches", "request " + request.requestId().toHex());
        assertEquals(1, found.size());
        assertTrue(found.get(0).evidence().startsWith(outcome), found.get(0).evidence());
    }

    private List<Violation> violationsOf(String rule, String record) throws InterruptedException {
        return violations(rule).stream().filter(violation -> violation.records().contains(record)).toList();
    }

    /** The rule's violations as the API reports them, after indexing the ledger and asking the peers. */
    private List<Violation> violations(String rule) throws InterruptedException {
        indexer.catchUp();
        peerChecks.checkAll();
        return List.of(given().queryParam("rule", rule).when().get("/violations").then().statusCode(200)
                .extract().as(Violation[].class));
    }
}
