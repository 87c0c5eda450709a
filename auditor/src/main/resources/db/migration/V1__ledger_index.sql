-- The auditor's copy of the ledger: every contract event once, keyed by its place in the chain, and
-- one row per record it announces. Written only by the indexer, in the same transaction as the cursor.

create table index_cursor (
    id              int primary key check (id = 1),
    contract        text        not null,
    next_block      bigint      not null,
    head_block      bigint,
    head_time       timestamptz,
    advanced_at     timestamptz
);

create table ledger_event (
    block_number    bigint      not null,
    log_index       bigint      not null,
    tx_hash         text        not null,
    kind            text        not null,
    block_time      timestamptz not null,
    primary key (block_number, log_index)
);

create table model (
    model_id        text primary key,
    provider        text        not null,
    registered_at   timestamptz not null,
    tx_hash         text        not null
);

create table model_version (
    version_hash        text primary key,
    model_id            text        not null,
    weights_hash        text        not null,
    training_set_root   text        not null,
    parent_version      text,
    block_number        bigint      not null,
    log_index           bigint      not null,
    recorded_at         timestamptz not null,
    tx_hash             text        not null
);
create index model_version_by_model on model_version (model_id, block_number, log_index);

create table contribution (
    contribution_root   text primary key,
    subject_id_hash     text        not null,
    sample_count        int         not null,
    recorded_at         timestamptz not null,
    tx_hash             text        not null
);
create index contribution_by_subject on contribution (subject_id_hash);

create table trigger_commitment (
    subject_id_hash     text        not null,
    rotation            int         not null,
    commitment          text        not null,
    committed_at        timestamptz not null,
    tx_hash             text        not null,
    primary key (subject_id_hash, rotation)
);

create table deletion_request (
    request_id          text primary key,
    subject_id_hash     text        not null,
    contribution_root   text        not null,
    requested_at        timestamptz not null,
    anchored_at         timestamptz not null,
    block_number        bigint      not null,
    log_index           bigint      not null,
    tx_hash             text        not null
);
create index deletion_request_by_subject on deletion_request (subject_id_hash);
create index deletion_request_by_time on deletion_request (requested_at);

create table deletion_batch (
    batch_root          text primary key,
    request_count       int         not null,
    anchored_at         timestamptz not null,
    block_number        bigint      not null,
    log_index           bigint      not null,
    tx_hash             text        not null
);

create table unlearning (
    target              text primary key,
    model_id            text        not null,
    new_version         text        not null,
    strategy            text        not null,
    executed_at         timestamptz not null,
    tx_hash             text        not null
);

create table verification (
    request_id              text primary key,
    batch_root              text,
    verdict                 text             not null,
    probes                  int              not null,
    target_hits             int              not null,
    alpha                   double precision not null,
    beta                    double precision not null,
    backdoor_success_rate   double precision not null,
    mia_statistic           double precision not null,
    certificate_hash        text             not null,
    verified_at             timestamptz      not null,
    tx_hash                 text             not null
);
create index verification_by_batch on verification (batch_root);

-- One row per deletion request the ledger names: those requested one by one, and those of a batch that
-- a verification named (a batch anchor carries only its root and count). The deadline clock starts at
-- the request's own time, or at its batch's anchoring, the earliest time the ledger shows for it.
create view request_timeline as
select r.request_id, r.subject_id_hash, r.contribution_root, r.requested_at, null::text as batch_root,
       r.anchored_at, r.tx_hash as anchor_tx, r.requested_at as clock_start, r.block_number as anchor_block,
       r.log_index as anchor_log,
       u.model_id, u.new_version, u.strategy, u.executed_at, u.tx_hash as execution_tx,
       v.verdict, v.probes, v.target_hits, v.alpha, v.beta, v.backdoor_success_rate, v.mia_statistic,
       v.certificate_hash, v.verified_at, v.tx_hash as verification_tx
from deletion_request r
left join unlearning u on u.target = r.request_id
left join verification v on v.request_id = r.request_id
union all
select v.request_id, null, null, null, v.batch_root,
       b.anchored_at, b.tx_hash, b.anchored_at, b.block_number, b.log_index,
       u.model_id, u.new_version, u.strategy, u.executed_at, u.tx_hash,
       v.verdict, v.probes, v.target_hits, v.alpha, v.beta, v.backdoor_success_rate, v.mia_statistic,
       v.certificate_hash, v.verified_at, v.tx_hash
from verification v
join deletion_batch b on b.batch_root = v.batch_root
left join unlearning u on u.target = v.batch_root;

-- The certificates the verifier serves, compared with the hashes on the ledger; a match is final, any
-- other outcome is checked again.
create table certificate_check (
    request_id      text primary key,
    checked_at      timestamptz not null,
    outcome         text        not null,
    detail          text        not null,
    -- from the certificate: the paired test's hit rate on the version with the data, at the plan's threshold
    rate_before     double precision
);

-- Compliance reports as issued: the exact bytes signed, kept so a regulator can fetch them again.
create table report (
    id              text primary key,
    period_from     timestamptz not null,
    period_to       timestamptz not null,
    generated_at    timestamptz not null,
    json            bytea       not null,
    json_signature  bytea       not null,
    pdf             bytea       not null,
    pdf_signature   bytea       not null
);
