-- The training transcript root each recorded version commits to (UnlearningLedger's CheckpointRecorded).
alter table model_version add column transcript_root text;
