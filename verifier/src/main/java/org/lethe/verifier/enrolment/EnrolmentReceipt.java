package org.lethe.verifier.enrolment;

/**
 * An enrolment: the public half only. The trigger stays with the verifier.
 *
 * @param subjectId   the subject
 * @param commitment  H(trigger spec ‖ salt), on the ledger
 * @param transaction the commitTrigger transaction
 * @param enrolledAt  when (ISO-8601)
 */
public record EnrolmentReceipt(String subjectId, String commitment, String transaction, String enrolledAt) {

    static EnrolmentReceipt of(SubjectEntity subject) {
        return new EnrolmentReceipt(subject.subjectId, subject.commitment, subject.commitTransaction,
                subject.enrolledAt.toString());
    }
}
