package org.lethe.auditor.rules;

import java.util.List;
import java.util.Optional;

/** One invariant the auditor checks, with an id that stays the same across releases. */
public abstract class AuditRule {

    private final String id;
    private final String title;

    /**
     * @param id    the stable id, e.g. {@code deadline.executed}
     * @param title what the rule asks, in one sentence
     */
    protected AuditRule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public abstract List<Violation> check(AuditFacts facts);

    /**
     * Why the rule could not be checked on these facts (a peer that did not answer), or empty when it was. A rule
     * not checked finds no violation, and is reported as not checked, never as passed.
     */
    public Optional<String> notChecked(AuditFacts facts) {
        return Optional.empty();
    }

    protected Violation violation(List<String> records, String evidence) {
        return new Violation(id, title, records, evidence);
    }
}
