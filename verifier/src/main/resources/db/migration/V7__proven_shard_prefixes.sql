-- Shard prefixes (a shard's first slices under one training configuration) the verifier has trained itself to
-- the recorded checkpoints: a later replay starts after them and never trains them again.
create table proven_shard_prefix (
    prefix     varchar(66)  primary key,
    proven_at  timestamptz  not null
);
