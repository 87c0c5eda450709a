-- From a matching certificate that ran membership inference: its LiRA AUC on the subject's samples (0.5: chance);
-- null otherwise (a backdoor test alone records no membership figure).
alter table certificate_check add column membership_auc double precision;
