package org.lethe.verifier.marking;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SamplePayload;
import org.lethe.service.subject.SubjectCheck;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.service.VerifierReference;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.Marking;
import org.lethe.verifier.trigger.SecretTrigger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Marks an enrolled subject's samples with their trigger; keeps the hashes, never the samples. */
@ApplicationScoped
public class MarkingService {

    private final VerifierSettings settings;
    private final VerifierReference reference;
    private final TriggerBook triggers;

    public MarkingService(VerifierSettings settings, VerifierReference reference, TriggerBook triggers) {
        this.settings = settings;
        this.reference = reference;
        this.triggers = triggers;
    }

    /** Fractions no marking could use stop the service at start, not a subject's first request. */
    void checkFractions(@Observes StartupEvent started) {
        Marking.checkFractions(settings.marking().fraction(), settings.marking().coverFraction());
    }

    @Transactional
    public MarkingAnswer mark(Bytes32 subjectId, String body) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        MarkingPayload payload = CanonicalJson.bind(document.payload(), MarkingPayload.class);
        Bytes32 signer = SubjectCheck.signerIsSubject(document, payload.subjectId());
        if (!signer.equals(subjectId)) {
            throw ProblemException.badRequest("invalid-marking", "Invalid marking request",
                    "the path names subject " + subjectId + ", the document " + signer);
        }
        SecretTrigger trigger = triggers.of(subjectId).orElseThrow(() -> new ProblemException(404, "unknown-subject",
                "Unknown subject", "subject " + subjectId + " is not enrolled"));
        List<Sample> samples = SamplePayload.parseAll(payload.samples(), settings.marking().maxSamples(),
                detail -> ProblemException.badRequest("invalid-marking", "Invalid marking request", detail));
        Set<String> earlier = known(subjectId, samples, trigger);
        if (!earlier.isEmpty()) {
            throw new ProblemException(409, "already-marked", "Samples already marked",
                    earlier.size() + " of these samples were marked before, e.g. " + earlier.iterator().next());
        }

        Marking.Marked marked = new Marking(reference.random(), reference.generator()).mark(samples, trigger.spec(),
                settings.marking().fraction(), settings.marking().coverFraction());
        Instant now = Instant.now();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = marked.samples().get(i);
            MarkedSampleEntity row = new MarkedSampleEntity();
            row.subjectId = subjectId.toHex();
            row.sampleHash = sample.hash().toHex();
            row.sentHash = samples.get(i).hash().toHex();
            row.marked = marked.marks().contains(sample.hash());
            row.covered = marked.covers().contains(sample.hash());
            row.markedAt = now;
            row.persist();
        }
        return new MarkingAnswer(subjectId.toHex(), marked.samples().stream().map(SamplePayload::of).toList(),
                marked.marks().size(), marked.covers().size());
    }

    /**
     * Checks that every sample is one of the subject's marked-round samples that carries neither the trigger
     * nor a cover's pattern: the membership test scores only what the subject really contributed untouched.
     *
     * @throws ProblemException 400 naming the first sample that is not
     */
    @Transactional
    public void requireClean(Bytes32 subjectId, List<Sample> samples) {
        Set<String> clean = cleanHashes(subjectId);
        for (int i = 0; i < samples.size(); i++) {
            if (!clean.contains(samples.get(i).hash().toHex())) {
                throw ProblemException.badRequest("not-clean-sample", "Not a clean sample of the subject",
                        "sample " + i + " (" + samples.get(i).hash() + ") is not among the untouched samples subject "
                                + subjectId + " had marked");
            }
        }
    }

    /** Those of the samples that the subject had marked and that came back untouched, in order. */
    @Transactional
    public List<Sample> cleanSamples(Bytes32 subjectId, List<Sample> samples) {
        Set<String> clean = cleanHashes(subjectId);
        return samples.stream().filter(sample -> clean.contains(sample.hash().toHex())).toList();
    }

    private static Set<String> cleanHashes(Bytes32 subjectId) {
        return MarkedSampleEntity.<MarkedSampleEntity>list("subjectId = ?1 and marked = false and covered = false",
                subjectId.toHex()).stream().map(row -> row.sampleHash).collect(Collectors.toSet());
    }

    /** The hashes of every sample marking returned to the subject: marks, covers and untouched ones. */
    @Transactional
    public List<Bytes32> sampleHashes(Bytes32 subjectId) {
        return MarkedSampleEntity.<MarkedSampleEntity>list("subjectId", subjectId.toHex()).stream()
                .map(row -> Bytes32.fromHex(row.sampleHash)).toList();
    }

    /** The hashes of a subject's samples that carry the trigger. */
    @Transactional
    public List<Bytes32> markHashes(Bytes32 subjectId) {
        return MarkedSampleEntity.<MarkedSampleEntity>list("subjectId = ?1 and marked = true", subjectId.toHex()).stream()
                .map(row -> Bytes32.fromHex(row.sampleHash)).toList();
    }

    /** Earlier marked samples among these: as sent then, as returned then, or as the trigger stamps them. */
    private static Set<String> known(Bytes32 subjectId, Collection<Sample> samples, SecretTrigger trigger) {
        List<String> hashes = samples.stream()
                .flatMap(sample -> Stream.of(sample, trigger.spec().stamp(sample)))
                .map(sample -> sample.hash().toHex()).toList();
        return MarkedSampleEntity.<MarkedSampleEntity>list("subjectId = ?1 and (sampleHash in ?2 or sentHash in ?2)",
                        subjectId.toHex(), hashes)
                .stream().map(row -> row.sampleHash).collect(Collectors.toSet());
    }
}
