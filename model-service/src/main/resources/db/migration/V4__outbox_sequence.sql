-- Outbox ids from a sequence handed out 50 at a time: inserts can then be sent in JDBC batches
-- (an identity column makes Hibernate insert each row on its own to learn its id).
alter table ledger_outbox alter column id drop identity;
create sequence ledger_outbox_id_seq increment by 50;
select setval('ledger_outbox_id_seq', coalesce((select max(id) from ledger_outbox), 0) + 50);
