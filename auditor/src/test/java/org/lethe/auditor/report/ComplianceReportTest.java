package org.lethe.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.PeerStub;
import org.lethe.auditor.database.Queries;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.evidence.cms.DetachedSignature;
import org.lethe.evidence.cms.ReportSigningKey;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.testing.OpenSsl;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class ComplianceReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LedgerIndexer indexer;

    @Inject
    Queries queries;

    @Inject
    PeerChecks peerChecks;

    @TempDir
    Path directory;

    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), AuditorTestResources.peers());

    @Test
    void aPeriodsReportListsItsRequestsAndViolationsInJsonAndPdfBothSigned() throws Exception {
        Bytes32 model = history.model();
        DeletionRequest certified = history.request();
        DeletionRequest kept = history.request();
        // a strategy no other test records, so that its figures are these two deletions' alone
        history.execute(model, certified.requestId(), UnlearningStrategy.FINETUNE);
        history.execute(model, kept.requestId(), UnlearningStrategy.FINETUNE);
        history.verify(certified.requestId(), Verdict.CERTIFIED);
        history.verify(kept.requestId(), Verdict.NOT_DELETED);
        indexer.catchUp();
        peerChecks.checkAll();
        String from = certified.requestedAt().minusSeconds(1).toString();
        String to = kept.requestedAt().plusSeconds(1).toString();

        Response receipt = issue(from, to);
        receipt.then().statusCode(201).body("files.'report.json'", containsString("/reports/"));
        String id = receipt.path("id");
        byte[] json = file(id, "report.json");
        byte[] pdf = file(id, "report.pdf");
        assertEquals(id, HashAlgorithm.SHA_256.hash(json).toHex(), "a report's id is its JSON's hash");

        JsonNode report = JSON.readTree(json);
        assertEquals("lethe-compliance-report/1", report.path("type").asText());
        List<String> ids = new ArrayList<>();
        report.path("requests").forEach(row -> ids.add(row.path("timeline").path("requestId").asText()));
        assertTrue(ids.containsAll(List.of(certified.requestId().toHex(), kept.requestId().toHex())), ids.toString());
        assertTrue(report.path("summary").path("violationsByRule").path("verdict.certified").asLong() >= 1);
        assertTrue(report.path("ledger").path("chainId").asLong() > 0);
        JsonNode finetune = strategy(report, "FINETUNE");
        assertEquals(List.of(2, 2, 1, 1, 0), List.of(finetune.path("executed").asInt(), finetune.path("verified").asInt(),
                finetune.path("verdicts").path("CERTIFIED").asInt(), finetune.path("verdicts").path("NOT_DELETED").asInt(),
                finetune.path("verdicts").path("INCONCLUSIVE").asInt()), finetune.toString());
        assertEquals(0.5, finetune.path("meanAttackSuccessRate").asDouble(), 1e-12, "hit rates 0 and 1 on the ledger");
        assertEquals((PeerStub.MEMBERSHIP_AUC.get("CERTIFIED") + PeerStub.MEMBERSHIP_AUC.get("NOT_DELETED")) / 2,
                finetune.path("meanMembershipAuc").asDouble(), 1e-12, "from the two checked certificates");
        assertEquals(1, finetune.path("failedLayers").path("statistics").asInt());
        assertEquals(0, finetune.path("failedLayers").path("computation").asInt());
        assertTrue(Duration.parse(finetune.path("medianExecutionLatency").asText()).toSeconds() >= 0);

        String text = pdfText(pdf);
        assertTrue(text.contains("Lethe compliance report"), text);
        assertTrue(text.contains(kept.requestId().toHex().substring(0, 14)), "the table lists the request");
        assertTrue(text.contains("verdict.certified: verdict NOT_DELETED"), "the violation with its evidence");
        assertTrue(text.contains(id), "the PDF names its JSON's hash");
        assertTrue(text.contains("Unlearning strategies"), text);
        assertTrue(text.contains("FINETUNE 2 of 2 1 / 1 / 0 0.500 0.600"), text);

        X509Certificate certificate = ReportSigningKey.parseCertificate(given().when().get("/reports/certificate")
                .then().statusCode(200).extract().asString());
        DetachedSignature.verify(json, file(id, "report.json.p7s"), Optional.of(certificate));
        DetachedSignature.verify(pdf, file(id, "report.pdf.p7s"), Optional.of(certificate));
        byte[] changed = json.clone();
        changed[json.length / 2] ^= 1;
        assertThrows(DocumentVerificationException.class,
                () -> DetachedSignature.verify(changed, file(id, "report.json.p7s"), Optional.of(certificate)));
        opensslChecks(json, file(id, "report.json.p7s"), certificate);
    }

    private static JsonNode strategy(JsonNode report, String name) {
        for (JsonNode strategy : report.path("strategies")) {
            if (strategy.path("strategy").asText().equals(name)) {
                return strategy;
            }
        }
        throw new AssertionError("no " + name + " in " + report.path("strategies"));
    }

    /**
     * While the model service cannot say which version it serves, the report lists the served-version rule as not
     * checked, with why, and stamps no time of a check that was not made.
     */
    @Test
    void aRuleThatCouldNotBeCheckedIsReportedSoAndNotAsPassed() throws Exception {
        AuditorTestResources.peers().takeModelServiceDown();
        indexer.catchUp();
        peerChecks.checkAll();
        try {
            String id = issue("2001-01-01", "2001-02-01").then().statusCode(201).extract().path("id");
            JsonNode report = JSON.readTree(file(id, "report.json"));

            JsonNode served = null;
            for (JsonNode rule : report.path("rules")) {
                served = rule.path("id").asText().equals("version.served-latest") ? rule : served;
            }
            assertTrue(served != null && served.path("notChecked").asText().startsWith("the model service could not "
                    + "say which version it serves"), report.path("rules").toString());
            assertTrue(report.path("ledger").path("servedVersionChecked").isNull(), report.path("ledger").toString());
            assertTrue(pdfText(file(id, "report.pdf")).contains("version.served-latest"));
            assertTrue(pdfText(file(id, "report.pdf")).contains("NOT CHECKED"));
        } finally {
            AuditorTestResources.peers().serve(LedgerHistory.randomId());
            peerChecks.checkAll();
        }
    }

    @Test
    void anEmptyPeriodStillGivesAValidSignedReport() throws Exception {
        indexer.catchUp();
        String id = issue("2001-01-01", "2001-02-01").then().statusCode(201).extract().path("id");
        byte[] json = file(id, "report.json");

        JsonNode report = JSON.readTree(json);
        assertEquals(0, report.path("summary").path("requests").asInt());
        assertEquals(0, report.path("requests").size());
        assertEquals(0, report.path("strategies").size());
        DetachedSignature.verify(json, file(id, "report.json.p7s"), Optional.empty());
        DetachedSignature.verify(file(id, "report.pdf"), file(id, "report.pdf.p7s"), Optional.empty());
        assertTrue(pdfText(file(id, "report.pdf")).contains("Requests (0)"));
    }

    @Test
    void reportsNeedTheRegulatorTokenAndAProperPeriod() {
        long issued = reportsStored();
        given().contentType("application/json").body("{\"from\":\"2026-01-01\",\"to\":\"2026-02-01\"}")
                .when().post("/reports").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/json")
                .body("{\"from\":\"2026-01-01\",\"to\":\"2026-02-01\"}").when().post("/reports").then().statusCode(401);
        issue("2026-02-01", "2026-01-01").then().statusCode(400).body("detail", containsString("must be before"));
        issue("last week", "2026-01-01").then().statusCode(400).body("detail", containsString("from must be a date"));
        given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN).contentType("application/json")
                .body("{\"from\":\"2026-01-01\"}").when().post("/reports").then().statusCode(400)
                .body("detail", equalTo("to is required"));
        given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN)
                .when().get("/reports/" + LedgerHistory.randomId().toHex() + "/report.json").then().statusCode(404);
        given().when().get("/reports/" + LedgerHistory.randomId().toHex() + "/report.json").then().statusCode(401);
        given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN)
                .when().get("/reports/x/passwords.txt").then().statusCode(404)
                .body("detail", containsString("a report has the files"));
        issue("2001-01-01", "2020-01-01").then().statusCode(400).body("detail", containsString("at most 3660 days apart"));
        given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN).contentType("application/json")
                .body("{\"from\": ").when().post("/reports").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:malformed-json"));
        assertEquals(issued, reportsStored(), "a refused request stores no report");
    }

    private long reportsStored() {
        return queries.first("select count(*) from report", row -> row.getLong(1)).orElseThrow();
    }

    private void opensslChecks(byte[] json, byte[] signature, X509Certificate certificate) throws IOException {
        assumeTrue(OpenSsl.installed(), "openssl is not installed: the command-line check is skipped");
        Path report = Files.write(directory.resolve("report.json"), json);
        Path p7s = Files.write(directory.resolve("report.json.p7s"), signature);
        Path pem = Files.writeString(directory.resolve("auditor-report.crt"), ReportSigningKey.certificatePem(certificate));
        assertEquals(0, OpenSsl.verifyDetached(report, p7s, pem), "openssl accepts the report's signature");
        byte[] changed = json.clone();
        changed[0] ^= 1;
        Files.write(report, changed);
        assertNotEquals(0, OpenSsl.verifyDetached(report, p7s, pem), "openssl refuses a changed byte");
    }

    private static Response issue(String from, String to) {
        return given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN)
                .contentType("application/json").body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .when().post("/reports");
    }

    private static byte[] file(String id, String name) {
        return given().header("Authorization", "Bearer " + AuditorTestResources.REGULATOR_TOKEN)
                .when().get("/reports/" + id + "/" + name).then().statusCode(200).extract().asByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
