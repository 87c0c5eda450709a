-- The verifier's own subjects: enrolled, marked and contributed like anyone else, never deleted. A row
-- without a contribution root is a sentinel whose contribution did not go through; it is never tested.
create table sentinel (
    subject_id         varchar(66)  primary key references subject (subject_id),
    slot               integer      not null,
    contribution_root  varchar(66),
    created_at         timestamptz  not null
);
