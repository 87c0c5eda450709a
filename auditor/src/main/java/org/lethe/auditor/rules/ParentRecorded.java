package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.ModelVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version's parent is recorded before it and is its model's newest version then: each model's
 * history is one chain. The contract accepts any earlier version of the model as parent, so a branch
 * (a version built on an older one, leaving later versions aside) is caught here.
 */
final class ParentRecorded extends AuditRule {

    ParentRecorded() {
        super("version.parent-recorded",
                "Every model version's parent is recorded and is its model's newest version at the time");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        Map<String, String> newest = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (ModelVersion version : facts.versions()) {
            List<String> records = List.of("version " + version.versionHash(), "transaction " + version.transaction());
            String latest = newest.get(version.modelId());
            if (version.parentVersion().isEmpty()) {
                if (latest != null) {
                    violations.add(violation(records, "a second first version of model " + version.modelId()
                            + ", whose newest version was " + latest));
                }
            } else if (latest == null) {
                violations.add(violation(records, "parent " + version.parentVersion().get() + " of model "
                        + version.modelId() + " is not recorded before it"));
            } else if (!latest.equals(version.parentVersion().get())) {
                violations.add(violation(records, "built on " + version.parentVersion().get() + " of model "
                        + version.modelId() + " while its newest version was " + latest + ": the history branches"));
            }
            newest.put(version.modelId(), version.versionHash());
        }
        return violations;
    }
}
