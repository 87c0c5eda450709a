package org.lethe.ml.sisa;

/** Reports each finished slice step of SISA training or unlearning. */
@FunctionalInterface
public interface SisaProgress {

    SisaProgress NONE = (shard, slice) -> { };

    void sliceTrained(int shard, int slice);
}
