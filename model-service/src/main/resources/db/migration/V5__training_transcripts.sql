-- What each version's training commits to (ml TrainingTranscript): its root goes on the ledger with the checkpoint,
-- and the transcript itself is handed to the verifier to replay an unlearning.
alter table model_version
    add column transcript_root char(66) not null,
    add column transcript      text     not null;
-- version_hash now also covers the transcript root: SHA-256(weights ‖ training-set root ‖ transcript root ‖ parent).
