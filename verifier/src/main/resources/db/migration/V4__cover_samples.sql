-- Covers: samples stamped with a random pattern of the trigger's shape, keeping their label. Neither
-- marks (the backdoor test) nor clean (membership inference scores only untouched samples).
alter table marked_sample add column covered boolean not null default false;
