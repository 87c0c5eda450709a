package org.lethe.modelservice.replay;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.replay.ProvenPrefixes;
import org.lethe.ml.replay.ReplayOutcome;
import org.lethe.ml.replay.ShardMaterial;
import org.lethe.ml.replay.ShardTranscript;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.ml.replay.UnlearningReplay;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelApi;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay material, taken as the verifier takes it: each version's transcript hashes to the root the ledger
 * records, each shard's slices to the digests it commits to; with them an outsider's replay of the version gives
 * its recorded checkpoints bit for bit, and of a SISA deletion after it, exactly the retrained shards. Only the verifier's token opens it.
 */
@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class ReplayApiTest {

    private static final String VERIFIER = "Bearer " + ModelServiceTestResources.REPLAY_TOKEN;

    @TempDir
    Path verifierStore;

    @Test
    void aSisaDeletionReplaysBitForBitFromTheMaterialTheServiceHandsOver() throws Exception {
        TestSubject subject = new TestSubject();
        // images past the provider's own (the first 3,000) and other tests' fresh ones: samples only this subject holds
        List<Sample> contributed = FashionMnist.installed().train(20_000).subList(19_000, 19_040);
        given().contentType(ContentType.JSON).body(subject.contribution(contributed).toString())
                .post("/contributions").then().statusCode(201);
        String before = ModelApi.train().getString("versionHash");
        // the verifier proves the version trained with the subject while its material is whole: every shard
        UnlearningReplay replay = new UnlearningReplay(new CheckpointStore(verifierStore.resolve("replayed")),
                ProvenPrefixes.inProcess());
        TrainingTranscript transcriptBefore = transcript(before);
        List<ReplayOutcome> proof = replay.replay(transcriptBefore, shard -> material(transcriptBefore, shard, before));
        assertEquals(transcriptBefore.shards().size(), proof.size());
        assertEquals(Set.of(ReplayOutcome.Result.MATCHES), proof.stream().map(ReplayOutcome::result)
                .collect(Collectors.toSet()), proof.toString());
        var request = subject.deletion(List.of(TestSubject.rootOf(contributed)));
        given().contentType(ContentType.JSON).body(request.toString()).post("/deletions").then().statusCode(202);
        Await.sent("/deletions/" + request.hash().toHex());
        JsonPath unlearned = ModelApi.unlearn();
        assertEquals("SUCCEEDED", unlearned.getString("status"), unlearned.prettify());
        String after = unlearned.getString("versionHash");

        TrainingTranscript transcriptAfter = transcript(after);
        var ledger = ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider());
        Checkpoint recorded = Await.until(() -> ledger.checkpoint(Bytes32.fromHex(after)),
                Optional::isPresent, "the version never reached the ledger").orElseThrow().value();
        assertEquals(recorded.transcriptRoot(), transcriptAfter.root());
        assertEquals(recorded.weightsHash(), transcriptAfter.weightsHash());
        assertEquals(ledger.checkpoint(Bytes32.fromHex(before)).orElseThrow().value().transcriptRoot(),
                transcriptBefore.root());
        given().get("/model").then().statusCode(200).body("transcriptRoot", equalTo(transcriptAfter.root().toHex()));

        List<Integer> affected = UnlearningReplay.affectedShards(transcriptBefore, transcriptAfter);
        assertFalse(affected.isEmpty());
        // shard by shard, against the transcripts' sample-set roots: the subject's samples were all in retrained
        // shards before, and are in none after
        List<Bytes32> subjectSamples = contributed.stream().map(Sample::hash).toList();
        int heldBefore = 0;
        int subjectsShard = -1;
        for (int shard = 0; shard < transcriptAfter.shards().size(); shard++) {
            int held = shardSet(before, shard, subjectSamples, transcriptBefore.shards().get(shard).sampleSet()).present();
            assertTrue(held == 0 || affected.contains(shard), "shard " + shard + " held the subject's samples");
            heldBefore += held;
            subjectsShard = held > 0 ? shard : subjectsShard;
            assertEquals(subjectSamples.size(), shardSet(after, shard, subjectSamples,
                    transcriptAfter.shards().get(shard).sampleSet()).absent());
        }
        assertEquals(subjectSamples.size(), heldBefore);
        asVerifier().contentType(ContentType.JSON).body(Map.of("samples", List.of()))
                .post("/replay/versions/" + after + "/shards/0/sample-set").then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-training-set-query"));
        asVerifier().contentType(ContentType.JSON).body(Map.of("samples", List.of(subjectSamples.get(0).toHex())))
                .post("/replay/versions/" + after + "/shards/" + transcriptAfter.shards().size() + "/sample-set").then()
                .statusCode(404).body("type", equalTo("urn:lethe:problem:unknown-shard"));
        asVerifier().get("/replay/versions/" + after + "/shards/-1/slices").then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-shard"));

        // the version before the deletion names the subject's deleted samples in their shard, which are gone
        asVerifier().get("/replay/versions/" + before + "/shards/" + subjectsShard + "/slices").then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:samples-deleted"));

        // the unlearning executes every pending deletion, other tests' too: exactly the shards it retrained are
        // replayed, each from the verifier's own checkpoint before its first changed slice
        List<ReplayOutcome> outcomes = replay.replay(transcriptAfter, shard -> material(transcriptAfter, shard, after));
        assertEquals(affected, outcomes.stream().map(ReplayOutcome::shard).toList());
        assertEquals(Set.of(ReplayOutcome.Result.MATCHES), outcomes.stream().map(ReplayOutcome::result)
                .collect(Collectors.toSet()), outcomes.toString());
        // the weights the replayed model is compared with, by hash
        for (Bytes32 checkpoint : transcriptAfter.finalCheckpoints()) {
            byte[] file = asVerifier().get("/replay/checkpoints/" + checkpoint.toHex()).then().statusCode(200).extract()
                    .asByteArray();
            assertEquals(checkpoint, HashAlgorithm.SHA_256.hash(file));
        }
    }

    /** A shard's slices as the service hands them over, checked against the transcript's digests here. */
    private ShardMaterial material(TrainingTranscript version, int shard, String versionHash) {
        List<List<Sample>> slices = slices(versionHash, shard);
        for (int slice = 0; slice < slices.size(); slice++) {
            assertEquals(version.shards().get(shard).sliceDigests().get(slice), ShardTranscript.sliceDigest(slices.get(slice)));
        }
        return new ShardMaterial(shard, slices, Optional.empty());
    }

    @Test
    void theMaterialIsTheVerifiersAloneAndOnlyWhatAVersionNames() {
        String unknownVersion = "/replay/versions/0x" + "44".repeat(32);
        for (String path : List.of(unknownVersion + "/transcript", unknownVersion + "/shards/0/slices",
                "/replay/checkpoints/0x" + "45".repeat(32))) {
            for (String token : new String[] {null, "Bearer wrong", ModelApi.ADMIN}) {
                RequestSpecification call = token == null ? given() : given().header("Authorization", token);
                call.get(path).then().statusCode(401).contentType("application/problem+json")
                        .body("type", equalTo("urn:lethe:problem:unauthorized"));
            }
        }
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON)
                .body(Map.of("samples", List.of("0x" + "46".repeat(32)))).post(unknownVersion + "/shards/0/sample-set")
                .then().statusCode(401).body("type", equalTo("urn:lethe:problem:unauthorized"));
        asVerifier().get(unknownVersion + "/transcript").then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-version"));
        // a file of the checkpoint store that no version names is not handed out, nor is a path that is no hash
        asVerifier().get("/replay/checkpoints/0x" + "45".repeat(32)).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-checkpoint"));
        asVerifier().get("/replay/checkpoints/not-a-hash").then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-id"));
    }

    /** The samples' proofs against one shard's sample-set root, checked as the verifier checks them. */
    private static TrainingSetQuery.Proven shardSet(String version, int shard, List<Bytes32> samples, Bytes32 root)
            throws Exception {
        return new TrainingSetQuery(new ServiceClient("http://localhost:" + RestAssured.port,
                Optional.of(ModelServiceTestResources.REPLAY_TOKEN))).proveAt("/replay/versions/" + version + "/shards/"
                + shard + "/sample-set", samples, root);
    }

    private static RequestSpecification asVerifier() {
        return given().header("Authorization", VERIFIER);
    }

    private static TrainingTranscript transcript(String version) {
        return TrainingTranscriptJson.fromJson(CanonicalJson.parse(asVerifier().get("/replay/versions/" + version
                + "/transcript").then().statusCode(200).contentType(ContentType.JSON).extract().asString()));
    }

    private static List<List<Sample>> slices(String version, int shard) {
        JsonPath answer = asVerifier().get("/replay/versions/" + version + "/shards/" + shard + "/slices").then()
                .statusCode(200).extract().jsonPath();
        List<List<Sample>> slices = new ArrayList<>();
        for (List<Map<String, Object>> slice : answer.<List<Map<String, Object>>>getList("slices")) {
            List<Sample> samples = new ArrayList<>();
            slice.forEach(sample -> samples.add(new Sample("replayed-" + samples.size(),
                    Base64.getDecoder().decode((String) sample.get("image")), (Integer) sample.get("label"))));
            slices.add(samples);
        }
        return slices;
    }
}
