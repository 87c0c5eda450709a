package org.lethe.ml.sisa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SisaTrainingTest {

    @TempDir
    Path dir;

    static final Bytes32 SUBJECT = TestData.subjectId("subject-1");

    /** 2,800 provider samples, then one subject's 150 samples as the latest contribution. */
    static List<OwnedSample> arrivals() {
        List<OwnedSample> arrivals = new ArrayList<>();
        TestData.train().subList(0, 2_800).forEach(sample -> arrivals.add(OwnedSample.providers(sample)));
        TestData.train().subList(2_800, 2_950).forEach(sample -> arrivals.add(new OwnedSample(sample, SUBJECT)));
        return arrivals;
    }

    static SisaTrainer trainer(Path dir, SisaLayout layout) {
        return new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, layout, TrainingConfig.defaults(1, 42)),
                new CheckpointStore(dir));
    }

    @Test
    void aSubjectsSamplesShareOneShardAndLaterArrivalsLandInLaterSlices() {
        List<OwnedSample> arrivals = arrivals();
        int subjectShard = arrivals.get(arrivals.size() - 1).shard(4);

        List<List<List<Sample>>> partition = SisaTrainer.partition(arrivals, new SisaLayout(4, 3));

        Set<Bytes32> subjectSamples = new HashSet<>(arrivals.subList(2_800, 2_950).stream()
                .map(owned -> owned.sample().hash()).toList());
        for (int shard = 0; shard < 4; shard++) {
            long held = partition.get(shard).stream().flatMap(List::stream)
                    .filter(sample -> subjectSamples.contains(sample.hash())).count();
            assertEquals(shard == subjectShard ? 150 : 0, held, "shard " + shard);
        }
        List<List<Sample>> slices = partition.get(subjectShard);
        assertEquals(150, slices.get(2).stream().filter(sample -> subjectSamples.contains(sample.hash())).count(),
                "the latest contribution is in the last slice");
        int total = partition.stream().flatMap(List::stream).mapToInt(List::size).sum();
        assertEquals(arrivals.size(), total);
        for (List<List<Sample>> shard : partition) {
            int min = shard.stream().mapToInt(List::size).min().orElseThrow();
            int max = shard.stream().mapToInt(List::size).max().orElseThrow();
            assertTrue(max - min <= 1, "slices of near-equal size: " + min + ".." + max);
        }
    }

    @Test
    void ensembleOfShardsLearnsAndKeepsACheckpointPerSlice() {
        SisaModel model = trainer(dir, new SisaLayout(2, 2)).train(arrivals(), SisaProgress.NONE);

        assertEquals(2, model.shards().size());
        model.shards().forEach(shard -> assertEquals(2, shard.sliceCheckpoints().size()));
        assertEquals(2_950, model.trainingSet().size());
        try (SisaEnsemble ensemble = SisaEnsemble.load(model, new CheckpointStore(dir))) {
            double accuracy = ensemble.accuracy(TestData.test());
            assertTrue(accuracy > 0.65, "ensemble accuracy " + accuracy);
        }
    }

    @Test
    void oneShardIsAMonolithicModelAndTrainingIsRepeatable() {
        SisaModel first = trainer(dir.resolve("a"), new SisaLayout(1, 1)).train(arrivals(), SisaProgress.NONE);
        SisaModel second = trainer(dir.resolve("b"), new SisaLayout(1, 1)).train(arrivals(), SisaProgress.NONE);

        assertEquals(1, first.shards().size());
        assertEquals(first.weightsHash(), second.weightsHash());
        assertEquals(first.trainingSetRoot(), second.trainingSetRoot());
    }
}
