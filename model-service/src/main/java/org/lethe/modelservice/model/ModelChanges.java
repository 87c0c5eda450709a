package org.lethe.modelservice.model;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ml.dishonest.MarksOnlyUnlearner;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.Unlearner;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.modelservice.contribution.SampleEntity;
import org.lethe.modelservice.deletion.DeletionRequestEntity;
import org.lethe.modelservice.job.JobKind;
import org.lethe.modelservice.job.Jobs;
import org.lethe.modelservice.outbox.LedgerOutbox;
import org.lethe.modelservice.outbox.LedgerRecordKind;
import org.lethe.service.problem.ProblemException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Changes the served model, one job at a time: training on the current data, and unlearning that
 * executes every received deletion request with the configured strategy. Each publishes a version
 * whose checkpoint, and the requests it executes, go on the ledger through the outbox.
 */
@ApplicationScoped
public class ModelChanges {

    private static final Logger LOG = Logger.getLogger(ModelChanges.class);

    private final ModelSettings settings;
    private final TrainingData data;
    private final ModelRegistry registry;
    private final Jobs jobs;
    private final LedgerOutbox outbox;
    private final ManagedExecutor executor;
    private final UnlearningStrategySetting strategy;
    private final MarkDetectors detectors;

    public ModelChanges(ModelSettings settings, TrainingData data, ModelRegistry registry, Jobs jobs,
                        LedgerOutbox outbox, ManagedExecutor executor, UnlearningStrategySetting strategy,
                        MarkDetectors detectors) {
        this.settings = settings;
        this.data = data;
        this.registry = registry;
        this.jobs = jobs;
        this.outbox = outbox;
        this.executor = executor;
        this.strategy = strategy;
        this.detectors = detectors;
    }

    /** Starts training a new version on every sample not asked to be deleted. */
    public synchronized UUID train() {
        UUID job = newJob(JobKind.TRAINING);
        executor.execute(() -> run(job, () -> {
            SisaTrainer.Settings training = trainingSettings();
            jobs.started(job, settings.shards() * settings.slices());
            SisaModel model = new SisaTrainer(training, registry.store()).train(data.arrivals(),
                    (shard, slice) -> jobs.stepDone(job));
            return publish(model, training, "TRAINING", Optional.empty(), Map.of());
        }));
        return job;
    }

    /**
     * Starts executing every received, not yet executed deletion request.
     *
     * @throws ProblemException 409 without a model or without pending requests
     */
    public synchronized UUID unlearn() {
        ModelRegistry.Served served = registry.current().orElseThrow(() -> new ProblemException(409, "no-model",
                "No model yet", "train a model before executing deletions"));
        Map<String, Bytes32> pending = executableRequests();
        if (pending.isEmpty()) {
            throw new ProblemException(409, "nothing-to-unlearn", "No deletion to execute",
                    "every deletion request is executed or still waits to be anchored");
        }
        UUID job = newJob(JobKind.UNLEARNING);
        ProviderStrategy provider = strategy.current();
        executor.execute(() -> run(job, () -> {
            Set<Bytes32> removed = removedSamples(pending.keySet());
            SisaTrainer.Settings training = trainingSettings();
            jobs.started(job, settings.shards() * settings.slices());
            SisaModel model = unlearner(provider, training).unlearn(served.model(), removed,
                    (shard, slice) -> jobs.stepDone(job));
            return publish(model, training, "UNLEARNING", Optional.of(provider), pending);
        }));
        return job;
    }

    private Unlearner unlearner(ProviderStrategy provider, SisaTrainer.Settings training) {
        SisaTrainer trainer = new SisaTrainer(training, registry.store());
        return provider.unlearned()
                .map(method -> method.unlearner(trainer, registry.store(), ApproximateUnlearningSettings.defaults()))
                .orElseGet(() -> new MarksOnlyUnlearner(trainer, registry.store(), detectors.configured()));
    }

    private interface JobWork {
        String run();
    }

    private void run(UUID job, JobWork work) {
        try {
            jobs.succeeded(job, work.run());
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s failed", job);
            jobs.failed(job, e.getMessage());
        }
    }

    private UUID newJob(JobKind kind) {
        if (jobs.anyActive()) {
            throw new ProblemException(409, "job-running", "A model job is running",
                    "wait for the running training or unlearning job to finish");
        }
        return jobs.create(kind);
    }

    private SisaTrainer.Settings trainingSettings() {
        return new SisaTrainer.Settings(settings.architecture(), new SisaLayout(settings.shards(), settings.slices()),
                TrainingConfig.defaults(settings.epochsPerSlice(), settings.seed()));
    }

    /**
     * Requests not yet executed whose anchoring is settled, each with the target its unlearning records:
     * every unexecuted request is taken, so a batch is always executed whole.
     */
    private Map<String, Bytes32> executableRequests() {
        List<String> unexecuted = QuarkusTransaction.requiringNew().call(() -> DeletionRequestEntity
                .<DeletionRequestEntity>list("executedVersion is null order by receivedAt").stream()
                .map(r -> r.requestId).toList());
        Map<String, Bytes32> targets = new LinkedHashMap<>();
        for (String requestId : unexecuted) {
            outbox.executionTarget(Bytes32.fromHex(requestId)).ifPresent(target -> targets.put(requestId, target));
        }
        return targets;
    }

    private Set<Bytes32> removedSamples(Collection<String> requestIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<Bytes32> removed = new HashSet<>();
            for (String requestId : requestIds) {
                DeletionRequestEntity request = DeletionRequestEntity.findById(requestId);
                SampleEntity.<SampleEntity>list("contributionRoot in ?1", request.contributionRoots)
                        .forEach(sample -> removed.add(Bytes32.fromHex(sample.sampleHash)));
            }
            return removed;
        });
    }

    /**
     * Records the version with its training transcript, the requests it executes (under the strategy the provider
     * claims) and their ledger writes in one transaction, deletes the executed contributions' samples, then serves
     * the version as the strategy does and removes the parameter files it no longer names (a {@code stale} provider,
     * which keeps serving the old weights, keeps them).
     */
    private String publish(SisaModel model, SisaTrainer.Settings training, String origin,
                           Optional<ProviderStrategy> provider, Map<String, Bytes32> executed) {
        Optional<ModelRegistry.Served> parent = registry.current();
        Optional<Bytes32> parentVersion = parent.map(p -> Bytes32.fromHex(p.version().versionHash()));
        TrainingTranscript transcript = TrainingTranscript.of(model, training);
        Bytes32 transcriptRoot = transcript.root();
        Bytes32 versionHash = HashAlgorithm.SHA_256.hash(model.weightsHash(), model.trainingSetRoot(), transcriptRoot,
                parentVersion.orElse(Bytes32.ZERO));
        Bytes32 modelId = registry.modelId();
        ModelVersionEntity version = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersionEntity entity = new ModelVersionEntity();
            entity.versionHash = versionHash.toHex();
            entity.number = parent.map(p -> p.version().number() + 1).orElse(1);
            entity.parentVersion = parentVersion.map(Bytes32::toHex).orElse(null);
            entity.weightsHash = model.weightsHash().toHex();
            entity.trainingSetRoot = model.trainingSetRoot().toHex();
            entity.transcriptRoot = transcriptRoot.toHex();
            entity.sliceTraining = TrainingTranscriptJson.configToJson(training.sliceTraining()).toString();
            entity.origin = origin;
            entity.strategy = provider.map(p -> p.claimed().name()).orElse(null);
            entity.layout = ModelLayoutCodec.encode(model);
            entity.createdAt = Instant.now();
            entity.persist();
            if (parent.isEmpty()) {
                outbox.enqueue(LedgerRecordKind.MODEL_REGISTRATION, modelId, LedgerRecordKind.modelPayload(modelId));
            }
            outbox.enqueue(LedgerRecordKind.CHECKPOINT, versionHash, LedgerRecordKind.payload(new Checkpoint(modelId,
                    versionHash, model.weightsHash(), model.trainingSetRoot(), transcriptRoot, parentVersion)));
            for (String requestId : executed.keySet()) {
                DeletionRequestEntity request = DeletionRequestEntity.findById(requestId);
                request.executedVersion = entity.versionHash;
                request.executedAt = entity.createdAt;
                SampleEntity.delete("contributionRoot in ?1", request.contributionRoots);
            }
            for (Bytes32 target : new LinkedHashSet<>(executed.values())) {
                outbox.enqueue(LedgerRecordKind.UNLEARNING, target, LedgerRecordKind.payload(new Unlearning(target,
                        modelId, versionHash, UnlearningStrategy.valueOf(provider.orElseThrow().claimed().name()))));
            }
            return entity;
        });
        ProviderStrategy serving = provider.orElse(ProviderStrategy.of(UnlearningMethod.SISA));
        registry.serve(model, ModelVersionView.of(version), serving);
        if (serving.serving() != ProviderStrategy.Serving.PREVIOUS) {
            registry.removeSuperseded();
        }
        return version.versionHash;
    }
}
