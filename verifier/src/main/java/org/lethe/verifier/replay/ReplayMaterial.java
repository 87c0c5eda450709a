package org.lethe.verifier.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.TrainingSetQuery;

import java.io.IOException;
import java.util.List;

/**
 * What a provider hands the verifier to replay an unlearning. Nothing it answers is trusted as such:
 * {@link ServiceReplay} checks the transcripts against the roots on the ledger, the slices and checkpoint files
 * against the transcripts.
 */
public interface ReplayMaterial {

    /** A version's training transcript as handed over, to be read with {@code TrainingTranscriptJson}. */
    JsonNode transcript(Bytes32 version) throws IOException, InterruptedException;

    /**
     * A shard's samples, slice by slice, as the provider says the version trained them.
     *
     * @throws IllegalArgumentException if a sample is not a 28×28 image with a label in 0..9
     */
    List<List<Sample>> slices(Bytes32 version, int shard) throws IOException, InterruptedException;

    /**
     * Which of the samples one of the version's shards holds, each proof checked against the shard's sample-set root
     * in the version's transcript.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException if a proof does not lead to that root
     */
    TrainingSetQuery.Proven shardSet(Bytes32 version, int shard, List<Bytes32> samples, Bytes32 sampleSetRoot)
            throws IOException, InterruptedException;

    /** The parameter file handed over under a hash. */
    byte[] checkpoint(Bytes32 hash) throws IOException, InterruptedException;
}
