-- Enrolled subjects: the trigger is sealed (AES-GCM, subject id as associated data); only its
-- commitment is public, on the ledger.
create table subject (
    subject_id          varchar(66)  primary key,
    public_key          bytea        not null,
    sealed_trigger      bytea        not null,
    commitment          varchar(66)  not null,
    commit_transaction  varchar(66)  not null,
    enrolled_at         timestamptz  not null
);

-- The hashes of the samples a subject had marked: which carry the trigger and which are clean.
-- The samples themselves are never kept.
create table marked_sample (
    subject_id   varchar(66)  not null references subject (subject_id),
    sample_hash  varchar(66)  not null,
    marked       boolean      not null,
    marked_at    timestamptz  not null,
    primary key (subject_id, sample_hash)
);
