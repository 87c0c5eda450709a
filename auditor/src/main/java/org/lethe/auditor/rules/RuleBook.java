package org.lethe.auditor.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules the auditor checks, in the order reports list them. */
public final class RuleBook {

    private static final List<AuditRule> RULES = List.of(new ExecutedInTime(), new VerifiedInTime(), new Certified(),
            new ParentRecorded(), new ServedIsLatest(), new CertificateMatches(), new ServingEvaded());

    private RuleBook() {
    }

    public static List<AuditRule> rules() {
        return RULES;
    }

    /** The rules that could not be checked on these facts, each with why, in rule order. */
    public static Map<String, String> notChecked(AuditFacts facts) {
        Map<String, String> notChecked = new LinkedHashMap<>();
        RULES.forEach(rule -> rule.notChecked(facts).ifPresent(reason -> notChecked.put(rule.id(), reason)));
        return notChecked;
    }

    /** Every violation of every rule, rule by rule. */
    public static List<Violation> check(AuditFacts facts) {
        return RULES.stream().flatMap(rule -> rule.check(facts).stream()).toList();
    }
}
