package org.lethe.modelservice.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.modelservice.model.ModelRegistry;
import org.lethe.modelservice.model.ModelVersionEntity;
import org.lethe.modelservice.model.StoredVersions;
import org.lethe.modelservice.model.TrainingSetProofs;
import org.lethe.service.auth.BearerToken;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;
import org.lethe.service.subject.SamplePayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * What a verifier needs to replay an exact unlearning, for the verifier's token only: a version's training
 * transcript, the samples of one of its shards slice by slice, and a checkpoint's parameter file. The verifier
 * trusts none of it: the transcript must hash to the root on the ledger, and the samples and files to what the
 * transcript commits to. This hands the verifier the shard's training data: the privacy cost of exact checks.
 */
@Path("/replay")
public class ReplayResource {

    private final ReplaySettings settings;
    private final ModelRegistry registry;
    private final StoredVersions versions;

    public ReplayResource(ReplaySettings settings, ModelRegistry registry, StoredVersions versions) {
        this.settings = settings;
        this.registry = registry;
        this.versions = versions;
    }

    @GET
    @Path("/versions/{version}/transcript")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public ObjectNode transcript(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @PathParam("version") String version) {
        authorize(authorization);
        return TrainingTranscriptJson.toJson(version(version).transcript());
    }

    /** The shard's samples as the version trained them: one array per slice, in training order. */
    @GET
    @Path("/versions/{version}/shards/{shard}/slices")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public ObjectNode slices(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("version") String version, @PathParam("shard") int shard) {
        authorize(authorization);
        ModelVersionEntity entity = version(version);
        shardIndex(entity, shard, versions.shardSampleHashes(entity).size());
        List<List<Sample>> shardSlices = versions.shardSlices(entity, shard).orElseThrow(() -> new ProblemException(410,
                "samples-deleted", "Samples deleted", "version " + entity.versionHash + " names samples that were "
                + "deleted since: only a version trained on stored samples can be replayed"));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("version", entity.versionHash).put("shard", shard);
        ArrayNode slices = answer.putArray("slices");
        for (List<Sample> slice : shardSlices) {
            ArrayNode samples = slices.addArray();
            slice.forEach(sample -> samples.add(CanonicalJson.toTree(SamplePayload.of(sample))));
        }
        return answer;
    }

    /**
     * For each sample hash, whether the version's shard holds it, with a proof against the shard's sample-set root
     * in the version's transcript: a verifier checks that a deletion left none of a subject's samples in any shard,
     * and that every shard that held one was retrained, without seeing the shards' data.
     */
    @POST
    @Path("/versions/{version}/shards/{shard}/sample-set")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public TrainingSetProofs sampleSet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("version") String version, @PathParam("shard") int shard,
                                       String body) {
        authorize(authorization);
        ModelVersionEntity entity = version(version);
        List<Bytes32> asked = TrainingSetProofs.asked(body);
        List<List<Bytes32>> shards = versions.shardSampleHashes(entity);
        return TrainingSetProofs.of(entity.versionHash, shards.get(shardIndex(entity, shard, shards.size())), asked);
    }

    /** A parameter file some stored version's transcript names, by its SHA-256. */
    @GET
    @Path("/checkpoints/{hash}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Transactional
    public byte[] checkpoint(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("hash") String hash) {
        authorize(authorization);
        Bytes32 checkpoint = RequestIds.parse("checkpoint", hash);
        if (!versions.namesCheckpoint(checkpoint) || Files.notExists(registry.store().file(checkpoint))) {
            throw new ProblemException(404, "unknown-checkpoint", "Unknown checkpoint",
                    "no stored version names checkpoint " + checkpoint);
        }
        try {
            return Files.readAllBytes(registry.store().file(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + checkpoint, e);
        }
    }

    private static int shardIndex(ModelVersionEntity version, int shard, int shards) {
        if (shard < 0 || shard >= shards) {
            throw new ProblemException(404, "unknown-shard", "Unknown shard", "version " + version.versionHash + " has "
                    + shards + " shards, numbered from 0");
        }
        return shard;
    }

    private static ModelVersionEntity version(String version) {
        Bytes32 versionHash = RequestIds.parse("version", version);
        return ModelVersionEntity.<ModelVersionEntity>findByIdOptional(versionHash.toHex())
                .orElseThrow(() -> new ProblemException(404, "unknown-version", "Unknown model version",
                        "no model version " + versionHash));
    }

    private void authorize(String authorization) {
        if (!BearerToken.presented(authorization, settings.token())) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "replay material needs the verifier's bearer token (lethe.replay.token)");
        }
    }
}
