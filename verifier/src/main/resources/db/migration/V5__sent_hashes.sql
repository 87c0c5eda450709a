-- The hash of each sample as the subject sent it: a cover's random pattern cannot be stamped again, so a
-- covered sample sent a second time is recognised by this hash (earlier rows: untouched samples only).
alter table marked_sample add column sent_hash varchar(66);
update marked_sample set sent_hash = sample_hash where not marked and not covered;
