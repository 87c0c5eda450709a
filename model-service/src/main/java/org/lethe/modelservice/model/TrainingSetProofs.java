package org.lethe.modelservice.model;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.SetMembershipProof;
import org.lethe.evidence.merkle.SortedSetTree;
import org.lethe.service.client.TrainingSetQuery;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.util.List;
import java.util.Optional;

/**
 * Whether samples are in a version's training set, with proofs against its recorded training-set root.
 *
 * @param versionHash     the version asked about
 * @param trainingSetRoot the root recorded with it (and on the ledger)
 * @param setSize         how many samples it was trained on
 * @param samples         one answer per sample hash asked about
 */
public record TrainingSetProofs(String versionHash, String trainingSetRoot, int setSize, List<SampleAnswer> samples) {

    /**
     * @param sampleHash the sample asked about
     * @param member     whether the version trained on it
     * @param inclusion  its place in the set, when a member
     * @param below      when absent: the greatest member below it, at the index just before {@code above}
     * @param above      when absent: the smallest member above it
     */
    public record SampleAnswer(String sampleHash, boolean member, Optional<Position> inclusion, Optional<Position> below,
                               Optional<Position> above) {
    }

    /**
     * @param value    the member's hash
     * @param index    its place in sorted order
     * @param siblings the sibling hashes from its leaf up
     */
    public record Position(String value, int index, List<String> siblings) {
        static Position of(SetMembershipProof proof) {
            return new Position(proof.value().toHex(), proof.index(), proof.siblings().stream().map(Bytes32::toHex).toList());
        }
    }

    /** @param samples the sample hashes (SHA-256 of label byte and pixels) to ask about */
    public record Question(List<String> samples) {
    }

    /**
     * The sample hashes a question asks about.
     *
     * @throws ProblemException 400 for no samples, more than {@value TrainingSetQuery#MAX_PER_QUERY}, or one not a hash
     */
    public static List<Bytes32> asked(String body) {
        Question question = CanonicalJson.bind(CanonicalJson.parse(body), Question.class);
        if (question.samples() == null || question.samples().isEmpty()
                || question.samples().size() > TrainingSetQuery.MAX_PER_QUERY) {
            throw ProblemException.badRequest("invalid-training-set-query", "Invalid training-set query",
                    "ask about 1.." + TrainingSetQuery.MAX_PER_QUERY + " sample hashes: {\"samples\": [\"0x…\"]}");
        }
        return question.samples().stream().map(sample -> RequestIds.parse("sample", sample)).toList();
    }

    /** The answer about each asked sample, against the sorted set of {@code trainingSet}. */
    public static TrainingSetProofs of(String versionHash, List<Bytes32> trainingSet, List<Bytes32> asked) {
        SortedSetTree tree = SortedSetTree.of(trainingSet);
        List<SampleAnswer> answers = asked.stream().map(hash -> tree.inclusion(hash)
                .map(proof -> new SampleAnswer(hash.toHex(), true, Optional.of(Position.of(proof)), Optional.empty(),
                        Optional.empty()))
                .orElseGet(() -> {
                    var absence = tree.absence(hash);
                    return new SampleAnswer(hash.toHex(), false, Optional.empty(), absence.below().map(Position::of),
                            absence.above().map(Position::of));
                })).toList();
        return new TrainingSetProofs(versionHash, tree.root().toHex(), tree.size(), answers);
    }
}
