-- Deletion requests anchored together: the batch is fixed (members in leaf order) before it is sent,
-- so a retry anchors the same root and every request lands on chain exactly once.
create table deletion_batch (
    batch_root    char(66) primary key,
    request_count integer not null check (request_count > 0),
    members       text not null,             -- JSON array of request ids, in leaf order
    created_at    timestamptz not null
);

alter table ledger_outbox add column batch_root char(66) references deletion_batch;
