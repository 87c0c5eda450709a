package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One trained shard: its slices (samples in arrival order) and the checkpoint after each slice.
 * The last checkpoint is the shard's served model.
 *
 * @param slices           the shard's samples, slice by slice
 * @param sliceCheckpoints parameter hash after training through each slice
 */
public record ShardState(List<List<Sample>> slices, List<Bytes32> sliceCheckpoints) {

    public ShardState {
        slices = slices.stream().map(List::copyOf).toList();
        sliceCheckpoints = List.copyOf(sliceCheckpoints);
        if (slices.size() != sliceCheckpoints.size()) {
            throw new IllegalArgumentException(slices.size() + " slices but " + sliceCheckpoints.size() + " checkpoints");
        }
    }

    public Bytes32 finalCheckpoint() {
        return sliceCheckpoints.get(sliceCheckpoints.size() - 1);
    }

    /** Slices 0..{@code slice}, concatenated: what the shard trains on at that step. */
    public List<Sample> samplesThrough(int slice) {
        return samplesThrough(slices, slice);
    }

    static List<Sample> samplesThrough(List<List<Sample>> slices, int slice) {
        return slices.subList(0, slice + 1).stream().flatMap(List::stream).toList();
    }

    /** The slices without the given samples, and the first slice that lost any (or empty). */
    public FilteredSlices without(Set<Bytes32> removed) {
        int firstTouched = -1;
        List<List<Sample>> kept = new ArrayList<>();
        for (int r = 0; r < slices.size(); r++) {
            List<Sample> slice = slices.get(r).stream().filter(sample -> !removed.contains(sample.hash())).toList();
            if (slice.size() != slices.get(r).size() && firstTouched < 0) {
                firstTouched = r;
            }
            kept.add(slice);
        }
        return new FilteredSlices(kept, firstTouched < 0 ? OptionalInt.empty() : OptionalInt.of(firstTouched));
    }

    /**
     * @param slices       the slices without the removed samples
     * @param firstTouched the first slice that held a removed sample
     */
    public record FilteredSlices(List<List<Sample>> slices, OptionalInt firstTouched) {
    }

    public int sampleCount() {
        return slices.stream().mapToInt(List::size).sum();
    }
}
