create table model_version (
    version_hash      char(66) primary key,  -- SHA-256(weights hash ‖ training-set root ‖ parent version)
    number            integer not null unique,
    parent_version    char(66) references model_version,
    weights_hash      char(66) not null,     -- SHA-256 over the shards' parameter hashes, in order
    training_set_root char(66) not null,     -- Merkle root of the sorted sample hashes
    origin            varchar(16) not null,  -- TRAINING or UNLEARNING
    strategy          varchar(32),           -- the unlearning strategy, for UNLEARNING
    layout            text not null,         -- shards, slices (sample hashes) and slice checkpoints, as JSON
    created_at        timestamptz not null
);

create table job (
    id            uuid primary key,
    kind          varchar(16) not null,      -- TRAINING or UNLEARNING
    status        varchar(16) not null,      -- QUEUED, RUNNING, SUCCEEDED, FAILED
    steps_done    integer not null default 0,
    steps_total   integer not null default 0,
    version_hash  char(66) references model_version,
    error         text,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz
);

alter table deletion_request
    add column executed_version char(66) references model_version,
    add column executed_at      timestamptz;
