package org.lethe.verifier.verification;

import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.serving.ServingCheck;

import java.util.Optional;

/**
 * What a deletion certificate states; signed by the verifier's key as canonical JSON.
 *
 * @param type            always {@value #TYPE}
 * @param requestId       the deletion request
 * @param subjectIdHash   the subject
 * @param modelVersion    the version that answered every query (as the prediction API named it)
 * @param verdict         CERTIFIED, NOT_DELETED or INCONCLUSIVE
 * @param reason          why, in one sentence
 * @param backdoorPlan    the paired test as planned: μ0, μ1, σ, α, β
 * @param backdoor        its result, when it ran
 * @param nullModel       unused triggers' scores on the served version
 * @param membership      the membership test on the served version
 * @param serving         the serving layer: how many of the verifier's sentinel subjects were tested on the served
 *                        version and how their backdoors showed (counts only: sentinels are never named), and how
 *                        many images asked again came back changed
 * @param data            the data layer: the subject's samples proven absent from (or present in) the served version's
 *                        training-set root on the ledger
 * @param replay          the computation layer: the replay of the unlearning, and how many of the verification's
 *                        images the served model answered otherwise than the replayed model
 * @param layers          how each of the four layers of evidence came out: data, computation (replay), serving,
 *                        statistics
 * @param calibration     the calibration on the version trained with the data (p̂, q̂, membership AUC)
 * @param queries         images sent to the served model by this verification
 * @param startedAt       when the measurement started (ISO-8601)
 * @param finishedAt      when it ended
 * @param ledger          the ledger records it relies on
 */
public record CertificatePayload(String type, String requestId, String subjectIdHash, String modelVersion, String verdict,
                                 String reason, BackdoorTestPlan backdoorPlan, Optional<BackdoorTestResult> backdoor,
                                 NullModel nullModel, Optional<MembershipResult> membership, ServingCheck serving,
                                 DataCheck data, ReplayCheck replay, EvidenceLayers layers,
                                 CalibrationFigures calibration,
                                 long queries, String startedAt, String finishedAt, LedgerEvidence ledger) {

    public static final String TYPE = "lethe-deletion-certificate/2";

    /**
     * @param contract            the ledger contract's address
     * @param triggerCommitment   the subject's trigger commitment and its transaction
     * @param commitTransaction   the commitTrigger transaction
     * @param deletionAnchor      the request id or the batch root it was anchored under
     * @param anchorTransaction   the transaction that anchored it
     * @param executedBy          the version the ledger records as executing it
     * @param unlearningStrategy  the strategy the provider recorded
     * @param unlearningTransaction the transaction that recorded the execution
     */
    public record LedgerEvidence(String contract, String triggerCommitment, String commitTransaction,
                                 String deletionAnchor, String anchorTransaction, String executedBy,
                                 String unlearningStrategy, String unlearningTransaction) {
    }
}
