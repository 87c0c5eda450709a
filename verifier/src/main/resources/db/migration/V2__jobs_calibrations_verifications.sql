-- Calibrations and verifications run as jobs. The subject's signed request (with the clean samples the
-- membership test needs) is kept only until its job ends.
create table job (
    job_id       uuid         primary key,
    kind         varchar(16)  not null,
    subject_id   varchar(66)  not null references subject (subject_id),
    request_id   varchar(66),
    status       varchar(16)  not null,
    stage        text         not null,
    document     text,
    error        text,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index job_open on job (status) where status in ('QUEUED', 'WAITING', 'RUNNING');

-- What a subject's data did to the version trained with it: figures as JSON, and whether the
-- backdoor test can decide at the configured α and β.
create table calibration (
    subject_id     varchar(66)  not null references subject (subject_id),
    version_hash   varchar(66)  not null,
    figures        text         not null,
    feasible       boolean      not null,
    reason         text,
    calibrated_at  timestamptz  not null,
    primary key (subject_id, version_hash)
);

-- One verification per deletion request: the signed certificate and its ledger record.
create table verification (
    request_id          varchar(66)  primary key,
    subject_id          varchar(66)  not null references subject (subject_id),
    job_id              uuid         not null references job (job_id),
    verdict             varchar(16),
    certificate         text,
    certificate_hash    varchar(66),
    ledger_transaction  varchar(66),
    created_at          timestamptz  not null
);
