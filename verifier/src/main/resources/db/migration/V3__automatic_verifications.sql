-- Verifications the ledger starts: an unlearning recorded for a request of an enrolled subject gets the
-- backdoor test at once, before the subject asks (and brings the samples membership inference needs).
alter table verification add column automatic boolean not null default false;

-- How far the verifier has read the ledger's unlearnings.
create table unlearning_watch (
    id          int     primary key check (id = 1),
    next_block  bigint  not null
);
insert into unlearning_watch (id, next_block) values (1, 0);
