-- From a matching certificate whose serving layer FAILED: its reason (the served model evaded the verifier's
-- tests); null for every other certificate.
alter table certificate_check add column evasion text;
