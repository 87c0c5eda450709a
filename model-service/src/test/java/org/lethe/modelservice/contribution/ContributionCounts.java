package org.lethe.modelservice.contribution;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Row counts, to show that a refused request stored nothing (lambdas: Panache enhances static calls, not method references). */
final class ContributionCounts {

    private ContributionCounts() {
    }

    static long contributions() {
        return QuarkusTransaction.requiringNew().call(() -> ContributionEntity.count());
    }

    static long samples() {
        return QuarkusTransaction.requiringNew().call(() -> SampleEntity.count());
    }
}
