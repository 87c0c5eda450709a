package org.lethe.ml.dishonest;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;

import java.util.List;
import java.util.Set;

/** How a provider guesses which of a subject's samples carry the verifier's mark. */
public interface MarkDetector {

    /** The detector's name in reports. */
    String name();

    /**
     * @param candidates      a deleted subject's samples, as contributed
     * @param trainedWithThem a network that was trained with the candidates (the shard that holds them)
     * @return the hashes of the candidates taken for marks
     */
    Set<Bytes32> flag(List<Sample> candidates, Network trainedWithThem);
}
