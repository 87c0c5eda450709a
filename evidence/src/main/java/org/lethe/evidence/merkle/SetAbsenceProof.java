package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

import java.util.Optional;

/**
 * That a value is not in a {@link SortedSetTree}: the members just below and above it, at neighbouring
 * positions (below missing when the value precedes every member, above when it follows every member).
 *
 * @param value the absent value
 * @param size  the set's size
 * @param below the greatest member smaller than the value
 * @param above the smallest member greater than the value
 */
public record SetAbsenceProof(Bytes32 value, int size, Optional<SetMembershipProof> below,
                              Optional<SetMembershipProof> above) {
}
