package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.ModelVersion;

import java.util.List;
import java.util.Optional;

/**
 * The model service serves the newest version recorded for its model: an older one could still hold data
 * whose deletion the ledger shows as executed.
 */
final class ServedIsLatest extends AuditRule {

    ServedIsLatest() {
        super("version.served-latest",
                "The model service serves the newest recorded version of its model");
    }

    @Override
    public Optional<String> notChecked(AuditFacts facts) {
        if (facts.served().isEmpty()) {
            return Optional.of("the model service has not been asked yet");
        }
        ServedVersionCheck asked = facts.served().get();
        return asked.servedVersion().isPresent() ? Optional.empty() : Optional.of("the model service could not say "
                + "which version it serves when asked at " + asked.checkedAt() + ": " + asked.failure().orElse("no answer"));
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        Optional<String> served = facts.served().flatMap(ServedVersionCheck::servedVersion);
        if (served.isEmpty()) {
            return List.of();
        }
        String checkedAt = " (asked " + facts.served().get().checkedAt() + ")";
        Optional<ModelVersion> recorded = facts.versions().stream()
                .filter(version -> version.versionHash().equals(served.get())).findFirst();
        if (recorded.isEmpty()) {
            return List.of(violation(List.of("version " + served.get()),
                    "the model service serves version " + served.get() + ", which is not recorded on the ledger" + checkedAt));
        }
        ModelVersion newest = facts.versions().stream()
                .filter(version -> version.modelId().equals(recorded.get().modelId()))
                .reduce((first, second) -> second).orElseThrow();
        if (newest.versionHash().equals(served.get())) {
            return List.of();
        }
        return List.of(violation(List.of("version " + served.get(), "version " + newest.versionHash()),
                "the model service serves version " + served.get() + " (recorded " + recorded.get().recordedAt()
                        + ") but the newest recorded version of model " + newest.modelId() + " is "
                        + newest.versionHash() + " (recorded " + newest.recordedAt() + ")" + checkedAt));
    }
}
