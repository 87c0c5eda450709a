-- Identifiers are 0x-prefixed lower-case hex of 32-byte hashes, as the ledger shows them.

create table subject (
    subject_id  char(66) primary key,      -- SHA-256 of the subject's Ed25519 public key
    public_key  bytea not null,            -- the 32-byte key that signs the subject's documents
    first_seen  timestamptz not null
);

create table contribution (
    contribution_root char(66) primary key, -- Merkle root of the sample hashes, in order
    subject_id        char(66) not null references subject,
    sample_count      integer not null check (sample_count > 0),
    document          text not null,        -- the signed envelope as received
    received_at       timestamptz not null
);
create index contribution_subject on contribution (subject_id);

create table sample (
    arrival           bigint generated always as identity primary key, -- order of arrival: SISA slices follow it
    contribution_root char(66) not null references contribution,
    sample_hash       char(66) not null,    -- SHA-256 of label byte and 784 pixel bytes
    label             smallint not null check (label between 0 and 9),
    image             bytea not null check (length(image) = 784)
);
create index sample_contribution on sample (contribution_root);

create table deletion_request (
    request_id         char(66) primary key, -- SHA-256 of the canonical signed request
    subject_id         char(66) not null references subject,
    nonce              varchar(128) not null,
    contributions_root char(66) not null,   -- the one root requested, or the root over several
    requested_at       timestamptz not null,
    received_at        timestamptz not null,
    document           text not null,
    unique (subject_id, nonce)
);

create table deletion_request_contribution (
    request_id        char(66) not null references deletion_request,
    contribution_root char(66) not null references contribution,
    primary key (request_id, contribution_root)
);

create table ledger_outbox (
    id              bigint generated always as identity primary key,
    kind            varchar(32) not null,
    record_key      char(66) not null,
    payload         text not null,
    status          varchar(16) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    tx_hash         char(66),
    block_number    bigint,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (kind, record_key)
);
create index ledger_outbox_due on ledger_outbox (status, next_attempt_at, id);
