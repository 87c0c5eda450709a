package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * The levels of a binary Merkle tree, leaves first: each parent is {@code pair(left, right)} and an
 * unpaired last node is carried up. Shared by the trees that differ only in how they hash a pair.
 */
final class MerkleLevels {

    private final List<Bytes32[]> levels;

    private MerkleLevels(List<Bytes32[]> levels) {
        this.levels = levels;
    }

    static MerkleLevels build(Bytes32[] leaves, BinaryOperator<Bytes32> pair) {
        List<Bytes32[]> levels = new ArrayList<>();
        Bytes32[] level = leaves;
        levels.add(level);
        while (level.length > 1) {
            Bytes32[] parents = new Bytes32[(level.length + 1) / 2];
            for (int i = 0; i < parents.length; i++) {
                int left = 2 * i;
                parents[i] = left + 1 < level.length ? pair.apply(level[left], level[left + 1]) : level[left];
            }
            levels.add(parents);
            level = parents;
        }
        return new MerkleLevels(levels);
    }

    /** The top node; absent for an empty tree. */
    Optional<Bytes32> top() {
        Bytes32[] top = levels.get(levels.size() - 1);
        return top.length == 0 ? Optional.empty() : Optional.of(top[0]);
    }

    int leafCount() {
        return levels.get(0).length;
    }

    Bytes32 leaf(int index) {
        return levels.get(0)[index];
    }

    /** Sibling hashes from the leaf at {@code index} up, where a sibling exists at that level. */
    List<Bytes32> siblings(int index) {
        List<Bytes32> siblings = new ArrayList<>();
        int position = index;
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            Bytes32[] level = levels.get(depth);
            int sibling = position ^ 1;
            if (sibling < level.length) {
                siblings.add(level[sibling]);
            }
            position /= 2;
        }
        return siblings;
    }
}
