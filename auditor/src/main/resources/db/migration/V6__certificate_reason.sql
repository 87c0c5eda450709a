-- The ledger now records each verification's serving layer, so the auditor no longer derives an evasion from the
-- certificate: it keeps the matching certificate's stated reason (null when no certificate matched), and its
-- serving.evasion rule reads the layer from the ledger.
alter table certificate_check rename column evasion to reason;
