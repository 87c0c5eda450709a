package org.lethe.auditor.timeline;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deletion request's way through the ledger: requested, anchored, executed, verified, each step with
 * its time and transaction.
 *
 * @param requestId        the request
 * @param subjectIdHash    the subject, when the request was anchored on its own (a batch hides it)
 * @param contributionRoot the contributions it deletes, likewise
 * @param requestedAt      the subject's time, likewise
 * @param anchor           how and when its hash reached the ledger
 * @param execution        the unlearning that executed it, once recorded
 * @param verification     the verifier's verdict and figures, once recorded
 */
public record RequestTimeline(String requestId, Optional<String> subjectIdHash, Optional<String> contributionRoot,
                              Optional<Instant> requestedAt, Anchor anchor, Optional<Execution> execution,
                              Optional<VerificationFigures> verification) {

    /**
     * @param batchRoot   the batch root, when anchored in a batch (the verification proved inclusion on chain)
     * @param anchoredAt  the anchoring block's time
     * @param transaction the anchoring transaction
     */
    public record Anchor(Optional<String> batchRoot, Instant anchoredAt, String transaction) {
    }

    /**
     * @param modelId     the model that unlearned
     * @param version     the recorded version without the data
     * @param strategy    how it unlearned
     * @param executedAt  the recording block's time
     * @param transaction the recordUnlearning transaction
     */
    public record Execution(String modelId, String version, String strategy, Instant executedAt, String transaction) {
    }

    /**
     * The figures of {@code recordVerification}, as on chain.
     *
     * @param verdict             CERTIFIED, NOT_DELETED or INCONCLUSIVE
     * @param probes              stamped probes sent
     * @param targetHits          probes that hit
     * @param alpha               the false-alarm bound
     * @param beta                the false-certification bound
     * @param backdoorSuccessRate the trigger's success rate on the served model
     * @param miaStatistic        the membership statistic
     * @param certificateHash     the signed certificate's hash
     * @param verifiedAt          the recording block's time
     * @param transaction         the recordVerification transaction
     * @param layers              how each layer of evidence came out
     */
    public record VerificationFigures(String verdict, int probes, int targetHits, double alpha, double beta,
                                      double backdoorSuccessRate, double miaStatistic, String certificateHash,
                                      Instant verifiedAt, String transaction, Layers layers) {
    }

    /**
     * The four layers of a verification as recorded: NOT_CHECKED, PASSED, FAILED or UNDECIDED each.
     *
     * @param data        absence proofs against the version's training-set root
     * @param computation the replay of the unlearning
     * @param serving     sentinels, repeated and replayed answers
     * @param statistics  the backdoor test and membership inference
     */
    public record Layers(String data, String computation, String serving, String statistics) {

        /** The layers' names, in their order. */
        public static final List<String> NAMES = List.of("data", "computation", "serving", "statistics");

        /** Each layer's state by its name, in order (null for a row indexed before layers were recorded). */
        public Map<String, String> byName() {
            List<String> states = Arrays.asList(data, computation, serving, statistics);
            Map<String, String> named = new LinkedHashMap<>();
            for (int layer = 0; layer < NAMES.size(); layer++) {
                named.put(NAMES.get(layer), states.get(layer));
            }
            return named;
        }
    }

    /** When the deadline clock started: the request's own time, or its batch's anchoring. */
    public Instant clockStart() {
        return requestedAt.orElse(anchor.anchoredAt());
    }

    public RequestStatus status() {
        if (verification.isPresent()) {
            return RequestStatus.valueOf(verification.get().verdict());
        }
        return execution.isPresent() ? RequestStatus.EXECUTED : RequestStatus.REQUESTED;
    }
}
