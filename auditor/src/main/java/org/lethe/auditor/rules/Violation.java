package org.lethe.auditor.rules;

import java.util.List;

/**
 * A broken invariant.
 *
 * @param rule     the rule's stable id
 * @param title    what the rule asks
 * @param records  the ledger records involved: requests, batches, versions
 * @param evidence what was found, with the times and values that break the rule
 */
public record Violation(String rule, String title, List<String> records, String evidence) {
}
