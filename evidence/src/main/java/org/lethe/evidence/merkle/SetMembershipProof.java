package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

import java.util.List;

/**
 * A value's place in a {@link SortedSetTree}.
 *
 * @param value    the member
 * @param index    its position in sorted order
 * @param size     the set's size (committed in the root)
 * @param siblings sibling hashes from the leaf up, where a sibling exists at that level
 */
public record SetMembershipProof(Bytes32 value, int index, int size, List<Bytes32> siblings) {
    public SetMembershipProof {
        siblings = List.copyOf(siblings);
    }
}
