package org.lethe.modelservice.model;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.record.Recorded;
import org.lethe.ml.data.Sample;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.dishonest.QueryFilter;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.modelservice.ModelServiceMain;
import org.lethe.service.database.DataDirectory;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.service.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * The served model: the latest published version's shards, loaded with their parameter hashes checked against
 * the file names and against the ledger's checkpoint record. A version loaded at start whose record cannot be
 * read (the node is down, or the record is still on its way) answers no prediction until a later check finds
 * its weights on the ledger: what the database and files say alone is never served.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    /** What is being served. */
    public record Served(SisaModel model, ModelVersionView version) {
    }

    /** Probabilities and the version that gave them. */
    public record Prediction(String versionHash, float[][] probabilities) {
    }

    private final ModelSettings settings;
    private final TrainingData data;
    private final LedgerGateway ledger;
    private final CheckpointStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Served served;
    private SisaEnsemble ensemble;
    /** What a {@code filtered} provider does to every query; empty when serving honestly. */
    private Optional<QueryFilter> filter = Optional.empty();
    /** Why the version loaded at start is not yet confirmed by its ledger record; empty once it is. */
    private volatile Optional<String> unconfirmed = Optional.empty();
    /** Set when the ledger records other weights than the loaded ones: no later check can clear that. */
    private volatile boolean contradicted;

    public ModelRegistry(ModelSettings settings, TrainingData data, LedgerGateway ledger) {
        this.settings = settings;
        this.data = data;
        this.ledger = ledger;
        this.store = new CheckpointStore(settings.checkpointDirectory().map(Path::of)
                .orElseGet(() -> DataDirectory.of(ModelServiceMain.SERVICE, "checkpoints")));
    }

    /** The model's id on the ledger. */
    public Bytes32 modelId() {
        return HashAlgorithm.SHA_256.hash(("lethe-model:" + settings.name()).getBytes(StandardCharsets.UTF_8));
    }

    public CheckpointStore store() {
        return store;
    }

    void loadLatest(@Observes StartupEvent startup) {
        ModelVersionEntity.latest().ifPresent(version -> {
            SisaModel model = ModelLayoutCodec.decode(version.layout, data.catalog());
            checkLocally(version, model);
            Optional<String> notConfirmed = unconfirmedByLedger(version.versionHash, model.weightsHash(),
                    version.transcriptRoot);
            serve(model, ModelVersionView.of(version));
            unconfirmed = notConfirmed;
            notConfirmed.ifPresentOrElse(reason -> LOG.warnf("version %s loaded but not served: %s; checking the "
                            + "ledger again every %s", version.versionHash, reason, settings.ledgerRecheckInterval()),
                    () -> {
                        LOG.infof("serving model version %d (%s)", version.number, version.versionHash);
                        removeSuperseded();
                    });
        });
    }

    /** Until the ledger confirms the version loaded at start, asks it again. */
    @Scheduled(every = "${lethe.model.ledger-recheck-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void confirmLoadedVersion() {
        Optional<Served> loaded = current();
        if (unconfirmed.isEmpty() || contradicted || loaded.isEmpty()) {
            return;
        }
        ModelVersionView version = loaded.get().version();
        try {
            unconfirmed = unconfirmedByLedger(version.versionHash(), loaded.get().model().weightsHash(),
                    version.transcriptRoot());
            if (unconfirmed.isEmpty()) {
                LOG.infof("the ledger confirms version %s: serving it", version.versionHash());
                removeSuperseded();
            }
        } catch (IllegalStateException e) {
            contradicted = true;
            unconfirmed = Optional.of(e.getMessage());
            LOG.error(e.getMessage());
        }
    }

    public Optional<Served> current() {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(served);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * @throws ProblemException 409 while no version has been trained
     */
    public Prediction predict(List<Sample> images) {
        lock.readLock().lock();
        try {
            if (served == null) {
                throw new ProblemException(409, "no-model", "No model yet", "no model version has been trained yet");
            }
            if (unconfirmed.isPresent()) {
                throw new ProblemException(503, "model-not-confirmed", "Model not confirmed by the ledger",
                        unconfirmed.get() + "; version " + served.version().versionHash() + " answers once its "
                                + "weights are confirmed by its ledger record");
            }
            return new Prediction(served.version().versionHash(),
                    ensemble.probabilities(filter.map(f -> f.apply(images)).orElse(images)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Serves a new version; its shards are loaded (and hash-checked) before the old ones are let go. */
    public void serve(SisaModel model, ModelVersionView version) {
        serve(model, version, ProviderStrategy.of(UnlearningMethod.SISA));
    }

    /**
     * Serves a new version as the strategy does: its own weights; for {@code filtered} its weights behind the
     * query filter; for {@code stale} the weights served until now, under the new version's name.
     */
    public void serve(SisaModel model, ModelVersionView version, ProviderStrategy strategy) {
        boolean keepServing = strategy.serving() == ProviderStrategy.Serving.PREVIOUS && ensemble != null;
        SisaEnsemble loaded = keepServing ? null : SisaEnsemble.load(model, store);
        lock.writeLock().lock();
        try {
            if (loaded != null) {
                if (ensemble != null) {
                    ensemble.close();
                }
                ensemble = loaded;
            }
            filter = strategy.filter();
            served = new Served(model, version);
            // a version this process trained is its own; only one loaded from storage waits for the ledger
            unconfirmed = Optional.empty();
            contradicted = false;
        } finally {
            lock.writeLock().unlock();
        }
        if (strategy.serving() != ProviderStrategy.Serving.RECORDED) {
            LOG.warnf("SERVING DISHONESTLY ('%s'): version %s is announced but %s. For evaluating the verifier only.",
                    strategy.label(), version.versionHash(), keepServing ? "the previous weights answer"
                            : "every query passes through " + strategy.filter().map(QueryFilter::name).orElseThrow());
        }
    }

    /**
     * Removes the parameter files the served version does not name: those of versions it replaced, which may carry
     * the deleted data. What a replay of the served version needs, its own checkpoints, stays. Called only once the
     * served weights are this process's own or confirmed by the ledger, so storage that lies cannot steer it.
     */
    public void removeSuperseded() {
        Optional<Served> serving = current();
        if (serving.isEmpty()) {
            return;
        }
        Set<Bytes32> named = serving.get().model().shards().stream()
                .flatMap(shard -> shard.sliceCheckpoints().stream()).collect(Collectors.toSet());
        int removed = store.retainOnly(named);
        if (removed > 0) {
            LOG.infof("removed %d parameter files that version %s does not name", removed,
                    serving.get().version().versionHash());
        }
    }

    private static void checkLocally(ModelVersionEntity version, SisaModel model) {
        if (!model.weightsHash().toHex().equals(version.weightsHash)) {
            throw new IllegalStateException("stored layout of version " + version.versionHash + " has weights hash "
                    + model.weightsHash() + ", not the recorded " + version.weightsHash + ": refusing to serve it");
        }
        Bytes32 transcriptRoot = version.transcript().root();
        if (!transcriptRoot.toHex().equals(version.transcriptRoot)) {
            throw new IllegalStateException("stored layout of version " + version.versionHash + " has transcript root "
                    + transcriptRoot + ", not the recorded " + version.transcriptRoot + ": refusing to serve it");
        }
    }

    /**
     * Why the ledger does not confirm the version yet (unreachable, or no record of it), or empty when its record
     * names these weights and this transcript root.
     *
     * @throws IllegalStateException when the record names others
     */
    private Optional<String> unconfirmedByLedger(String versionHash, Bytes32 weightsHash, String transcriptRoot) {
        try {
            var recorded = ledger.client().checkpoint(Bytes32.fromHex(versionHash)).map(Recorded::value);
            if (recorded.isEmpty()) {
                return Optional.of("the ledger has no record of version " + versionHash + " yet");
            }
            if (!recorded.get().weightsHash().equals(weightsHash)) {
                throw new IllegalStateException("the ledger records weights " + recorded.get().weightsHash()
                        + " for version " + versionHash + " but the stored files hash to " + weightsHash
                        + ": refusing to serve them");
            }
            if (!recorded.get().transcriptRoot().toHex().equals(transcriptRoot)) {
                throw new IllegalStateException("the ledger records transcript root " + recorded.get().transcriptRoot()
                        + " for version " + versionHash + " but the stored transcript's is " + transcriptRoot
                        + ": refusing to serve it");
            }
            return Optional.empty();
        } catch (LedgerUnavailableException e) {
            ledger.reset();
            return Optional.of("the ledger is unreachable (" + e.getMessage() + ")");
        }
    }

    @PreDestroy
    void close() {
        if (ensemble != null) {
            ensemble.close();
        }
    }
}
