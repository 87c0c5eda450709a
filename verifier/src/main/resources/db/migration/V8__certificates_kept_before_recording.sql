-- A verification's signed certificate is stored with the figures to record (the contract's ABI words, hex) before
-- the ledger write; a job in RECORDING has a stored certificate whose record is not on the ledger yet.
alter table verification add column ledger_figures text;

drop index job_open;
create index job_open on job (status) where status in ('QUEUED', 'WAITING', 'RUNNING', 'RECORDING');
