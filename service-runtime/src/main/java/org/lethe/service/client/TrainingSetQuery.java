package org.lethe.service.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProofException;
import org.lethe.evidence.merkle.SetAbsenceProof;
import org.lethe.evidence.merkle.SetMembershipProof;
import org.lethe.evidence.merkle.SortedSetTreeVerifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the model service whether sample hashes are in a version's training set, and checks every proof
 * in the answer against the training-set root recorded on the ledger: the service's word alone counts
 * for nothing.
 */
public final class TrainingSetQuery {

    /** The most sample hashes the model service takes in one question. */
    public static final int MAX_PER_QUERY = 1_000;

    private final ServiceClient modelService;

    public TrainingSetQuery(ServiceClient modelService) {
        this.modelService = modelService;
    }

    /**
     * How many of the samples are proven present and how many proven absent, from one answer of the service.
     *
     * @param present samples whose membership proof leads to the root
     * @param absent  samples whose absence proof (their two neighbours in the sorted set) leads to the root
     */
    public record Proven(int present, int absent) {
    }

    /**
     * Checks every sample's proof against the root, asking at most {@value #MAX_PER_QUERY} samples at a time. Each
     * answer must speak of exactly the samples asked, in order: a proof of another sample counts for nothing.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException if a proof does not lead to the root or is not of the
     *                                                        sample asked about, or an answer leaves samples out
     */
    public Proven prove(String version, List<Bytes32> samples, Bytes32 rootOnChain) throws IOException, InterruptedException {
        return proveAt("/model/versions/" + version + "/training-set", samples, rootOnChain);
    }

    /**
     * Checks every sample's proof against the root, asking the service's question at {@code path} (the training
     * set of a version, or the sample set of one of its shards) in the same form.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException as {@link #prove}
     */
    public Proven proveAt(String path, List<Bytes32> samples, Bytes32 root) throws IOException, InterruptedException {
        int present = 0;
        int absent = 0;
        for (int from = 0; from < samples.size(); from += MAX_PER_QUERY) {
            List<Bytes32> asked = samples.subList(from, Math.min(samples.size(), from + MAX_PER_QUERY));
            JsonNode answer = modelService.post(path, Map.of("samples", asked.stream().map(Bytes32::toHex).toList()));
            int size = answer.get("setSize").asInt();
            if (answer.get("samples").size() != asked.size()) {
                throw new MerkleProofException("asked about " + asked.size() + " samples, the answer holds "
                        + answer.get("samples").size());
            }
            for (int i = 0; i < asked.size(); i++) {
                JsonNode sample = answer.get("samples").get(i);
                Optional<SetMembershipProof> inclusion = position(sample.get("inclusion"), size);
                if (inclusion.isPresent()) {
                    if (!inclusion.get().value().equals(asked.get(i))) {
                        throw new MerkleProofException("asked about " + asked.get(i) + ", the answer proves "
                                + inclusion.get().value());
                    }
                    SortedSetTreeVerifier.verifyMembership(inclusion.get(), root);
                    present++;
                } else if (!sample.get("member").asBoolean()) {
                    SortedSetTreeVerifier.verifyAbsence(new SetAbsenceProof(asked.get(i), size,
                            position(sample.get("below"), size), position(sample.get("above"), size)), root);
                    absent++;
                }
            }
        }
        return new Proven(present, absent);
    }

    /**
     * How many of the samples are proven present.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException if a proof does not lead to the root
     */
    public int provenPresent(String version, List<Bytes32> samples, Bytes32 rootOnChain)
            throws IOException, InterruptedException {
        return prove(version, samples, rootOnChain).present();
    }

    /**
     * How many of the samples are proven absent.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException if a proof does not lead to the root
     */
    public int provenAbsent(String version, List<Bytes32> samples, Bytes32 rootOnChain)
            throws IOException, InterruptedException {
        return prove(version, samples, rootOnChain).absent();
    }

    private static Optional<SetMembershipProof> position(JsonNode node, int size) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        List<Bytes32> siblings = new ArrayList<>();
        node.get("siblings").forEach(sibling -> siblings.add(Bytes32.fromHex(sibling.asText())));
        return Optional.of(new SetMembershipProof(Bytes32.fromHex(node.get("value").asText()), node.get("index").asInt(),
                size, siblings));
    }
}
