package org.lethe.verifier.sentinel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.PemKeyFiles;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.database.DataDirectory;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SamplePayload;
import org.lethe.service.subject.SubjectDocuments;
import org.lethe.verifier.VerifierMain;
import org.lethe.verifier.calibration.CalibrationService;
import org.lethe.verifier.calibration.CalibrationView;
import org.lethe.verifier.calibration.SubjectCalibrated;
import org.lethe.verifier.enrolment.EnrolmentService;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.marking.MarkingAnswer;
import org.lethe.verifier.marking.MarkingService;
import org.lethe.verifier.served.ModelService;
import org.lethe.verifier.service.VerifierReference;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.serving.Sentinel;
import org.lethe.verifier.serving.SentinelPanel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verifier's sentinel subjects. Each is made as a subject makes itself: a fresh key, an enrolment with its
 * trigger committed on the ledger, its images marked at the subjects' fractions (so its data looks like
 * anyone's), and a signed contribution to the model service. It never asks for deletion. Its images are the
 * verifier's own: the Fashion-MNIST test images after the reference parts, one block per sentinel. Once a
 * version trained with them is served, each is calibrated like a subject, and every verification tests
 * them beside the deleted subject.
 */
@ApplicationScoped
public class SentinelService {

    private static final Logger LOG = Logger.getLogger(SentinelService.class);

    private final VerifierSettings settings;
    private final EnrolmentService enrolment;
    private final MarkingService marking;
    private final CalibrationService calibrations;
    private final ModelService modelService;
    private final TriggerBook triggers;
    private final VerifierReference reference;

    public SentinelService(VerifierSettings settings, EnrolmentService enrolment, MarkingService marking,
                           CalibrationService calibrations, ModelService modelService, TriggerBook triggers,
                           VerifierReference reference) {
        this.settings = settings;
        this.reference = reference;
        this.enrolment = enrolment;
        this.marking = marking;
        this.calibrations = calibrations;
        this.modelService = modelService;
        this.triggers = triggers;
    }

    /** Sentinels whose images would overrun the test split stop the service at start. */
    void checkImages(@Observes StartupEvent started) {
        int needed = reference.sentinelImagesFrom() + settings.sentinels().count() * settings.sentinels().samplesEach();
        if (settings.sentinels().count() < 0 || settings.sentinels().samplesEach() < 1 || needed > FashionMnist.TEST_IMAGES) {
            throw new IllegalStateException("lethe.verifier.sentinels: " + settings.sentinels().count() + " × "
                    + settings.sentinels().samplesEach() + " images after the " + reference.sentinelImagesFrom()
                    + " reference images must fit in the " + FashionMnist.TEST_IMAGES + " test images (and be positive)");
        }
    }

    /**
     * Makes every configured sentinel not yet contributed. A sentinel whose contribution fails is left unused
     * (its block of images goes to the next one) and the failure is answered.
     *
     * @throws ProblemException 502 when the model service refused or did not answer a contribution
     */
    public synchronized SentinelStatus enrolAll() {
        Set<Integer> taken = new HashSet<>(contributedSlots());
        for (int slot = 0; taken.size() < settings.sentinels().count(); slot++) {
            if (!taken.contains(slot)) {
                make(slot);
                taken.add(slot);
            }
        }
        return status();
    }

    public SentinelStatus status() {
        List<Bytes32> contributed = contributed();
        int calibrated = (int) contributed.stream().filter(id -> feasibleCalibration(id).isPresent()).count();
        return new SentinelStatus(settings.sentinels().count(), contributed.size(), calibrated,
                (int) contributed.stream().filter(this::retired).count());
    }

    /**
     * When a subject is calibrated on a version, the sentinels are too, unless already calibrated where the
     * backdoor test can decide or already tried on that version: the version that shows whether a subject's
     * trigger took is one trained with every sentinel's data as well.
     */
    void calibrateBeside(@Observes SubjectCalibrated subject) {
        List<Bytes32> sentinels = contributed();
        if (sentinels.contains(subject.subjectId())) {
            return;
        }
        for (Bytes32 sentinel : sentinels) {
            if (feasibleCalibration(sentinel).isEmpty()
                    && calibrations.latest(sentinel).filter(view -> view.versionHash().equals(subject.version())).isEmpty()) {
                SubjectDocuments documents = documents(sentinel);
                calibrations.request(sentinel, documents.samples(marking.cleanSamples(sentinel, reference.sentinelImages(slot(sentinel))))
                        .toString());
            }
        }
    }

    /**
     * The sentinels a verification answers for. Held: every contributed sentinel but those retired (calibrated on a
     * version trained with their data and too faint to decide there); tested: those calibrated where the backdoor
     * test can decide. One held but not yet calibrated cannot show its backdoor, so nothing is certified until it is.
     * When none is held while sentinels are configured (none made, or all retired), all configured ones count as
     * held: sentinels that were configured must not pass for none.
     */
    public SentinelPanel forVerification() {
        List<Bytes32> contributed = contributed();
        List<Sentinel> calibrated = contributed.stream().flatMap(id -> feasibleCalibration(id).stream()
                .map(view -> new Sentinel(triggers.of(id).orElseThrow().spec(), view.figures().backdoor()))).toList();
        int held = (int) contributed.stream().filter(id -> !retired(id)).count();
        return new SentinelPanel(held == 0 ? settings.sentinels().count() : held, calibrated);
    }

    private boolean retired(Bytes32 sentinel) {
        return calibrations.latest(sentinel).filter(view -> !view.feasible()).isPresent();
    }

    private void make(int slot) {
        Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
        SubjectDocuments documents = new SubjectDocuments(new DocumentSigner(key));
        Bytes32 id = documents.subjectId();
        writeKey(id, key);
        enrolment.enrol(documents.enrolment().toString());
        QuarkusTransaction.requiringNew().run(() -> {
            SentinelEntity row = new SentinelEntity();
            row.subjectId = id.toHex();
            row.slot = slot;
            row.createdAt = Instant.now();
            row.persist();
        });
        MarkingAnswer marked = marking.mark(id, documents.samples(reference.sentinelImages(slot)).toString());
        List<Sample> contribution = SamplePayload.parseAll(marked.samples(), marked.samples().size(),
                detail -> new ProblemException(500, "sentinel-marking", "Sentinel not marked", detail));
        String root;
        try {
            root = modelService.contribute(documents.samples(contribution));
        } catch (RuntimeException e) {
            throw new ProblemException(502, "sentinel-contribution-failed", "Sentinel contribution failed",
                    "the model service did not take sentinel " + slot + "'s contribution (the sentinel is left unused): "
                            + e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> SentinelEntity.<SentinelEntity>findById(id.toHex())
                .contributionRoot = root);
        LOG.infof("sentinel %d contributed %d samples (%d marks, %d covers)", slot, contribution.size(), marked.marks(),
                marked.covers());
    }

    private Optional<CalibrationView> feasibleCalibration(Bytes32 sentinel) {
        return calibrations.latest(sentinel).filter(CalibrationView::feasible);
    }

    private static List<Bytes32> contributed() {
        return QuarkusTransaction.requiringNew().call(() -> SentinelEntity.<SentinelEntity>list(
                "contributionRoot is not null order by slot").stream().map(row -> Bytes32.fromHex(row.subjectId)).toList());
    }

    private static List<Integer> contributedSlots() {
        return QuarkusTransaction.requiringNew().call(() -> SentinelEntity.<SentinelEntity>list(
                "contributionRoot is not null").stream().map(row -> row.slot).toList());
    }

    private static int slot(Bytes32 sentinel) {
        return QuarkusTransaction.requiringNew().call(() -> SentinelEntity.<SentinelEntity>findById(sentinel.toHex()).slot);
    }

    private SubjectDocuments documents(Bytes32 sentinel) {
        try {
            return new SubjectDocuments(new DocumentSigner(PemKeyFiles.readPrivateKey(keyFile(sentinel))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentinel key " + keyFile(sentinel), e);
        }
    }

    private void writeKey(Bytes32 sentinel, Ed25519KeyPair key) {
        Path file = keyFile(sentinel);
        try {
            Files.createDirectories(file.getParent());
            PemKeyFiles.writePrivateKey(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sentinel key " + file, e);
        }
    }

    private Path keyFile(Bytes32 sentinel) {
        return settings.sentinels().keyDirectory().map(Path::of)
                .orElseGet(() -> DataDirectory.of(VerifierMain.SERVICE, "sentinels"))
                .resolve(sentinel.toHex() + ".pem");
    }
}
