-- How each layer of a verification's evidence came out, as recorded on chain with its figures (NOT_CHECKED,
-- PASSED, FAILED or UNDECIDED); null only for rows indexed from a contract before the layers were recorded.
alter table verification
    add column data_layer        text,
    add column computation_layer text,
    add column serving_layer     text,
    add column statistics_layer  text;

create or replace view request_timeline as
select r.request_id, r.subject_id_hash, r.contribution_root, r.requested_at, null::text as batch_root,
       r.anchored_at, r.tx_hash as anchor_tx, r.requested_at as clock_start, r.block_number as anchor_block,
       r.log_index as anchor_log,
       u.model_id, u.new_version, u.strategy, u.executed_at, u.tx_hash as execution_tx,
       v.verdict, v.probes, v.target_hits, v.alpha, v.beta, v.backdoor_success_rate, v.mia_statistic,
       v.certificate_hash, v.verified_at, v.tx_hash as verification_tx,
       v.data_layer, v.computation_layer, v.serving_layer, v.statistics_layer
from deletion_request r
left join unlearning u on u.target = r.request_id
left join verification v on v.request_id = r.request_id
union all
select v.request_id, null, null, null, v.batch_root,
       b.anchored_at, b.tx_hash, b.anchored_at, b.block_number, b.log_index,
       u.model_id, u.new_version, u.strategy, u.executed_at, u.tx_hash,
       v.verdict, v.probes, v.target_hits, v.alpha, v.beta, v.backdoor_success_rate, v.mia_statistic,
       v.certificate_hash, v.verified_at, v.tx_hash,
       v.data_layer, v.computation_layer, v.serving_layer, v.statistics_layer
from verification v
join deletion_batch b on b.batch_root = v.batch_root
left join unlearning u on u.target = v.batch_root;
