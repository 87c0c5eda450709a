package org.lethe.verifier.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.service.database.DataDirectory;
import org.lethe.verifier.VerifierMain;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.reference.ShadowSettings;
import org.lethe.verifier.served.ServedModel;
import org.lethe.verifier.served.ServedVersionChangedException;
import org.lethe.verifier.verification.VerificationEngine;
import org.lethe.verifier.verification.VerificationSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement engine with the verifier's reference models, trained on first use (deterministic
 * seeds: a restart finds their parameters in the store), and what it measured per served version.
 */
@ApplicationScoped
public class VerifierEngine {

    private final VerifierSettings settings;
    private final VerifierReference reference;
    private final TriggerBook triggers;
    private final Map<String, NullModel> nullModels = new HashMap<>();
    private final Map<String, MembershipScores> nonMemberScores = new HashMap<>();
    private ShadowModels shadows;
    private VerificationEngine engine;

    public VerifierEngine(VerifierSettings settings, VerifierReference reference, TriggerBook triggers) {
        this.settings = settings;
        this.reference = reference;
        this.triggers = triggers;
    }

    public synchronized VerificationEngine engine() {
        if (engine == null) {
            VerifierSettings.Shadows shadowSettings = settings.shadows();
            Path store = shadowSettings.checkpointDirectory().map(Path::of)
                    .orElseGet(() -> DataDirectory.of(VerifierMain.SERVICE, "reference-models"));
            shadows = ShadowModels.train(new ShadowSettings(shadowSettings.architecture(),
                    new SisaLayout(shadowSettings.shards(), shadowSettings.slices()),
                    TrainingConfig.defaults(shadowSettings.epochsPerSlice(), shadowSettings.seed()), shadowSettings.models()),
                    reference.data().shadowTraining(), new CheckpointStore(store));
            engine = new VerificationEngine(verificationSettings(), reference.data(), shadows,
                    new ProbeSupply(reference.data().probeImages(), reference.generator(), reference.collisions(),
                            reference.random(), settings.triggers().drawAttempts()));
        }
        return engine;
    }

    /** Statistics settings no test could use stop the service at start, before its reference models train. */
    void checkSettings(@Observes StartupEvent started) {
        verificationSettings();
    }

    private VerificationSettings verificationSettings() {
        VerifierSettings.Statistics statistics = settings.statistics();
        return new VerificationSettings(statistics.alpha(), statistics.beta(), statistics.maxProbes(),
                statistics.calibrationProbes(), statistics.confidence(), statistics.nullTriggers(),
                statistics.nullProbesPerTrigger());
    }

    /** The null of the version now served, measured once per version. */
    public synchronized NullModel nullModel(ServedModel served, String version) {
        return nullModels.computeIfAbsent(version, v -> engine().measureNull(served, triggers.all()));
    }

    /** The known non-members' scores on the version now served, measured once per version. */
    public synchronized MembershipScores nonMemberScores(ServedModel served, String version) {
        return nonMemberScores.computeIfAbsent(version, v -> engine().nonMemberScores(served));
    }

    /**
     * Checks that {@code version}, and only it, answered the measurements; otherwise forgets what was measured
     * of it (the null, the non-members' scores may mix two versions) and refuses the measurement.
     *
     * @throws ServedVersionChangedException when another version answered
     */
    public synchronized void requireOnly(String version, ServedModel... measurements) {
        try {
            for (ServedModel measurement : measurements) {
                // a measurement served from this version's cache asked nothing
                if (measurement.queries() > 0 && !measurement.version().equals(version)) {
                    throw new ServedVersionChangedException(List.of(version, measurement.version()));
                }
            }
        } catch (ServedVersionChangedException e) {
            nullModels.remove(version);
            nonMemberScores.remove(version);
            throw e;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (shadows != null) {
            shadows.close();
        }
    }
}
