package org.lethe.ml.replay;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.merkle.SortedSetTree;
import org.lethe.ml.data.Sample;
import org.lethe.ml.sisa.ShardState;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one shard's training commits to: for each slice, a digest of its samples' hashes in training order, and
 * the hash of the checkpoint trained through it. With the training configuration this fixes every step of the
 * shard's training, so anyone holding the samples and the checkpoint before a slice can redo the rest and get
 * the same bytes. The root of the shard's sample set lets anyone be shown, sample by sample, that the shard holds
 * a sample or does not, without seeing the shard's data.
 *
 * @param shard         the shard's index
 * @param sliceDigests  per slice, SHA-256 over its samples' hashes in order (order matters: it is the training's)
 * @param checkpoints   per slice, the hash of the parameters after training through it
 * @param sampleSet     root of the sorted-set tree of every sample hash in the shard's slices
 */
public record ShardTranscript(int shard, List<Bytes32> sliceDigests, List<Bytes32> checkpoints, Bytes32 sampleSet) {

    private static final byte[] DOMAIN = "lethe-shard-transcript/2".getBytes(StandardCharsets.US_ASCII);

    public ShardTranscript {
        sliceDigests = List.copyOf(sliceDigests);
        checkpoints = List.copyOf(checkpoints);
        if (shard < 0 || sliceDigests.size() != checkpoints.size() || sliceDigests.isEmpty()) {
            throw new IllegalArgumentException("a shard transcript has one digest and one checkpoint per slice; got "
                    + sliceDigests.size() + " and " + checkpoints.size() + " for shard " + shard);
        }
    }

    public static ShardTranscript of(int shard, ShardState state) {
        return ofHashes(shard, hashes(state.slices()), state.sliceCheckpoints());
    }

    /**
     * The transcript of a shard known by its samples' hashes alone, slice by slice in training order.
     *
     * @param checkpoints the hash of the parameters after each slice
     */
    public static ShardTranscript ofHashes(int shard, List<List<Bytes32>> sliceHashes, List<Bytes32> checkpoints) {
        return new ShardTranscript(shard, sliceHashes.stream().map(ShardTranscript::digest).toList(), checkpoints,
                SortedSetTree.of(sliceHashes.stream().flatMap(List::stream).toList()).root());
    }

    /** The sorted-set root of every sample hash in the slices. */
    public static Bytes32 sampleSet(List<List<Sample>> slices) {
        return SortedSetTree.of(hashes(slices).stream().flatMap(List::stream).toList()).root();
    }

    /** SHA-256 over the samples' hashes in order; an empty slice digests to the hash of nothing. */
    public static Bytes32 sliceDigest(List<Sample> slice) {
        return digest(slice.stream().map(Sample::hash).toList());
    }

    private static Bytes32 digest(List<Bytes32> sampleHashes) {
        return HashAlgorithm.SHA_256.hash(sampleHashes.toArray(Bytes32[]::new));
    }

    private static List<List<Bytes32>> hashes(List<List<Sample>> slices) {
        return slices.stream().map(slice -> slice.stream().map(Sample::hash).toList()).toList();
    }

    /**
     * The shard's leaf in its version's transcript: SHA-256 of the domain, the index, the sample set's root, every
     * digest and checkpoint.
     */
    public Bytes32 leaf() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(ByteBuffer.allocate(DOMAIN.length + 2 * Integer.BYTES).put(DOMAIN).putInt(shard)
                .putInt(sliceDigests.size()).array());
        parts.add(sampleSet.toArray());
        for (int slice = 0; slice < sliceDigests.size(); slice++) {
            parts.add(sliceDigests.get(slice).toArray());
            parts.add(checkpoints.get(slice).toArray());
        }
        return HashAlgorithm.SHA_256.hash(parts.toArray(byte[][]::new));
    }
}
