package org.lethe.verifier.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.lethe.ml.network.Architecture;

import java.time.Duration;
import java.util.Optional;

/** Everything the verifier service is configured with; the defaults are in application.properties. */
@ConfigMapping(prefix = "lethe.verifier")
public interface VerifierSettings {

    /** The model service whose served model is verified, as any client reaches it. */
    String modelServiceUrl();

    /** The verifier's Ed25519 signing key (PEM); created on first start when absent. Default {@code $LETHE_DATA_DIR/verifier/keys/verifier.pem}. */
    Optional<String> signingKeyFile();

    Triggers triggers();

    Marking marking();

    Statistics statistics();

    Reference reference();

    Shadows shadows();

    Sentinels sentinels();

    Replay replay();

    /** The verifier operator's bearer token, for its own subjects (sentinels); a secret. Unset refuses every call. */
    Optional<String> operatorToken();

    /** How often the ledger is read for executed deletions that have a verification waiting. */
    @WithDefault("2s")
    Duration ledgerPollInterval();

    /**
     * How long a calibration waits for the served version's checkpoint on the ledger (the model service
     * records it a little after serving it) before it fails.
     */
    @WithDefault("2m")
    Duration versionRecordWait();

    interface Triggers {
        /** k, pixels per trigger. */
        int pixels();

        /** Trigger pixels lie where the reference images' mean intensity (0..1) is at most this. */
        double backgroundMaxIntensity();

        /** Positions two triggers with different targets may share (same target: none). */
        int maxSharedPositions();

        /** Draws tried for a trigger clear of every enrolled one before enrolment is refused. */
        int drawAttempts();

        /** AES-256 key sealing triggers at rest, base64 of 32 bytes; a secret. */
        String vaultKey();
    }

    interface Marking {
        /** f, the fraction of a subject's samples stamped and relabelled. */
        double fraction();

        /** The fraction of a subject's samples stamped with a random pattern of the trigger's shape, label kept. */
        double coverFraction();

        /** The most samples one marking request may hold. */
        int maxSamples();
    }

    interface Statistics {
        double alpha();

        double beta();

        int maxProbes();

        int calibrationProbes();

        double confidence();

        int nullTriggers();

        int nullProbesPerTrigger();
    }

    interface Reference {
        /** Fashion-MNIST test images the reference models train on. */
        int shadowTraining();

        /** The next test images, stamped as probes. */
        int probeImages();

        /** The next test images, the known non-members. */
        int nonMembers();
    }

    /** The verifier's own subjects, never deleted, tested beside every deletion. */
    interface Sentinels {
        /** How many; 0 leaves the serving layer unchecked, and certificates say so. */
        int count();

        /** Images each contributes: the test images after the reference parts, one block each. */
        int samplesEach();

        /** Where their keys live (they sign their calibrations); default {@code $LETHE_DATA_DIR/verifier/sentinels}. */
        Optional<String> keyDirectory();
    }

    /** Replaying exact unlearnings from the provider's material (the computation layer). */
    interface Replay {
        /**
         * The model service's replay token (its {@code lethe.replay.token}); a secret. Without one no replay is
         * run and certificates say the computation layer was not checked.
         */
        Optional<String> modelServiceToken();

        /** Where replayed and imported parameters live; default {@code $LETHE_DATA_DIR/verifier/replay}. */
        Optional<String> checkpointDirectory();
    }

    interface Shadows {
        Architecture architecture();

        int shards();

        int slices();

        int epochsPerSlice();

        long seed();

        int models();

        /** Where their parameters live; default {@code $LETHE_DATA_DIR/verifier/reference-models}. */
        Optional<String> checkpointDirectory();
    }
}
