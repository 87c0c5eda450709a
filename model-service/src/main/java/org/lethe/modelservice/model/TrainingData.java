package org.lethe.modelservice.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.modelservice.contribution.SampleEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model trains on, in arrival order: the provider's own Fashion-MNIST images first, then the
 * subjects' contributed samples as they arrived, without any contribution a subject asked to delete.
 */
@ApplicationScoped
public class TrainingData {

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
