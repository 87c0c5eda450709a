package org.lethe.auditor.rules;

import java.util.List;

/** The rules the auditor checks, in the order reports list them. */
public final class RuleBook {

    private static final List<AuditRule> RULES = List.of(new ExecutedInTime(), new VerifiedInTime(), new Certified(),
            new ParentRecorded(), new ServedIsLatest(), new CertificateMatches(), new ServingEvaded());

    private RuleBook() {
    }

    public static List<AuditRule> rules() {
        return RULES;
    }

    /** Every violation of every rule, rule by rule. */
    public static List<Violation> check(AuditFacts facts) {
        return RULES.stream().flatMap(rule -> rule.check(facts).stream()).toList();
    }
}
