package org.lethe.modelservice.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.modelservice.contribution.SampleEntity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the model trains on, in arrival order: the provider's own Fashion-MNIST images first, then the
 * subjects' contributed samples as they arrived, without any contribution a subject asked to delete.
 */
@ApplicationScoped
public class TrainingData {

    /** Hashes asked for in one query, well under PostgreSQL's limit on bound parameters. */
    private static final int HASHES_PER_QUERY = 10_000;

    private final ModelSettings settings;
    private List<OwnedSample> base;

    public TrainingData(ModelSettings settings) {
        this.settings = settings;
    }

    /** Training order: base data, then contributions as they arrived, without any a subject asked to delete. */
    @Transactional
    public List<OwnedSample> arrivals() {
        return samples(" and c.contributionRoot not in (select r from DeletionRequestEntity d join d.contributionRoots r)");
    }

    /** Every stored sample a version may name (deletion pending or not), by hash. */
    @Transactional
    public Map<Bytes32, Sample> catalog() {
        Map<Bytes32, Sample> catalog = new HashMap<>();
        samples("").forEach(owned -> catalog.put(owned.sample().hash(), owned.sample()));
        return catalog;
    }

    /**
     * The stored samples among these hashes (deletion pending or not), by hash: what one shard of a version names,
     * read without the rest of the training data.
     */
    @Transactional
    public Map<Bytes32, Sample> catalog(Collection<Bytes32> hashes) {
        Set<Bytes32> wanted = new HashSet<>(hashes);
        Map<Bytes32, Sample> catalog = new HashMap<>();
        base().stream().map(OwnedSample::sample).filter(sample -> wanted.contains(sample.hash()))
                .forEach(sample -> catalog.put(sample.hash(), sample));
        List<String> contributed = wanted.stream().filter(hash -> !catalog.containsKey(hash)).map(Bytes32::toHex).toList();
        for (int from = 0; from < contributed.size(); from += HASHES_PER_QUERY) {
            SampleEntity.<SampleEntity>list("sampleHash in ?1",
                    contributed.subList(from, Math.min(contributed.size(), from + HASHES_PER_QUERY))).forEach(row -> {
                        Sample sample = new Sample("sample-" + row.arrival, row.image, row.label);
                        catalog.put(sample.hash(), sample);
                    });
        }
        return catalog;
    }

    private List<OwnedSample> samples(String contributionFilter) {
        List<OwnedSample> samples = new ArrayList<>(base());
        List<Object[]> rows = SampleEntity.getEntityManager().createQuery(
                "select s.sampleHash, s.label, s.image, c.subjectId, s.arrival "
                        + "from SampleEntity s, ContributionEntity c where s.contributionRoot = c.contributionRoot"
                        + contributionFilter + " order by s.arrival", Object[].class).getResultList();
        for (Object[] row : rows) {
            Sample sample = new Sample("sample-" + row[4], (byte[]) row[2], (Short) row[1]);
            samples.add(new OwnedSample(sample, Bytes32.fromHex((String) row[3])));
        }
        return samples;
    }

    /** The provider's own images, which no subject contributed. */
    public List<Sample> providersOwn() {
        return base().stream().map(OwnedSample::sample).toList();
    }

    private synchronized List<OwnedSample> base() {
        if (base == null) {
            base = settings.baseSamples() == 0 ? List.of()
                    : FashionMnist.installed().train(settings.baseSamples()).stream().map(OwnedSample::providers).toList();
        }
        return base;
    }
}
