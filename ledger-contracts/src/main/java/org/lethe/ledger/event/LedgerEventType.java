package org.lethe.ledger.event;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.FigureCodec;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.TriggerCommitment;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verification;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract's events: their web3j definitions, which topic holds which lookup key, and how a log
 * becomes a {@link LedgerEvent}. Topic 1 is the first indexed parameter.
 */
enum LedgerEventType {
    MODEL_REGISTERED(UnlearningLedger.MODELREGISTERED_EVENT, Map.of(EventQuery.Key.MODEL, 1), log -> {
        var e = UnlearningLedger.getModelRegisteredEventFromLog(log);
        return new LedgerEvent.ModelRegistered(position(log), Bytes32.of(e.modelId), e.provider);
    }),
    CHECKPOINT_RECORDED(UnlearningLedger.CHECKPOINTRECORDED_EVENT, Map.of(EventQuery.Key.MODEL, 1), log -> {
        var e = UnlearningLedger.getCheckpointRecordedEventFromLog(log);
        Bytes32 parent = Bytes32.of(e.parentVersion);
        return new LedgerEvent.CheckpointRecorded(position(log), new Checkpoint(Bytes32.of(e.modelId),
                Bytes32.of(e.versionHash), Bytes32.of(e.weightsHash), Bytes32.of(e.trainingSetRoot), Bytes32.of(e.transcriptRoot),
                parent.isZero() ? Optional.empty() : Optional.of(parent)));
    }),
    CONTRIBUTION_RECORDED(UnlearningLedger.CONTRIBUTIONRECORDED_EVENT, Map.of(EventQuery.Key.SUBJECT, 1), log -> {
        var e = UnlearningLedger.getContributionRecordedEventFromLog(log);
        return new LedgerEvent.ContributionRecorded(position(log), new Contribution(Bytes32.of(e.contributionRoot),
                Bytes32.of(e.subjectIdHash), e.sampleCount.intValueExact()));
    }),
    TRIGGER_COMMITTED(UnlearningLedger.TRIGGERCOMMITTED_EVENT, Map.of(EventQuery.Key.SUBJECT, 1), log -> {
        var e = UnlearningLedger.getTriggerCommittedEventFromLog(log);
        return new LedgerEvent.TriggerCommitted(position(log), new TriggerCommitment(Bytes32.of(e.subjectIdHash),
                Bytes32.of(e.commitment), e.rotation.intValueExact()));
    }),
    DELETION_REQUESTED(UnlearningLedger.DELETIONREQUESTED_EVENT,
            Map.of(EventQuery.Key.REQUEST, 1, EventQuery.Key.SUBJECT, 2), log -> {
        var e = UnlearningLedger.getDeletionRequestedEventFromLog(log);
        return new LedgerEvent.DeletionRequested(position(log), new DeletionRequest(Bytes32.of(e.requestId),
                Bytes32.of(e.subjectIdHash), Bytes32.of(e.contributionRoot),
                Instant.ofEpochSecond(e.requestedAt.longValueExact())));
    }),
    DELETION_BATCH_ANCHORED(UnlearningLedger.DELETIONBATCHANCHORED_EVENT, Map.of(EventQuery.Key.REQUEST, 1), log -> {
        var e = UnlearningLedger.getDeletionBatchAnchoredEventFromLog(log);
        return new LedgerEvent.DeletionBatchAnchored(position(log),
                new DeletionBatch(Bytes32.of(e.batchRoot), e.count.intValueExact()));
    }),
    UNLEARNING_RECORDED(UnlearningLedger.UNLEARNINGRECORDED_EVENT,
            Map.of(EventQuery.Key.REQUEST, 1, EventQuery.Key.MODEL, 2), log -> {
        var e = UnlearningLedger.getUnlearningRecordedEventFromLog(log);
        return new LedgerEvent.UnlearningRecorded(position(log), new Unlearning(Bytes32.of(e.target),
                Bytes32.of(e.modelId), Bytes32.of(e.newVersion), UnlearningStrategy.values()[e.strategy.intValueExact()]));
    }),
    // topic and data by hand: web3j derives a struct's signature and decodes it reflectively, which fails
    // under class loaders other than the application's (Quarkus)
    VERIFICATION_RECORDED(Hash.sha3String("VerificationRecorded(bytes32,bytes32," + FigureCodec.ABI_TUPLE + ")"),
            Map.of(EventQuery.Key.REQUEST, 1), log -> {
        Bytes32 batchRoot = Bytes32.fromHex(log.getTopics().get(2));
        return new LedgerEvent.VerificationRecorded(position(log), new Verification(Bytes32.fromHex(log.getTopics().get(1)),
                batchRoot.isZero() ? Optional.empty() : Optional.of(batchRoot),
                FigureCodec.fromWords(FunctionReturnDecoder.decode(log.getData(), figureWords()), 0)));
    });

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<TypeReference<Type>> figureWords() {
        return (List) FigureCodec.WORDS;
    }

    private final String topic;
    private final Map<EventQuery.Key, Integer> keyTopics;
    private final Function<Log, LedgerEvent> decoder;

    LedgerEventType(Event event, Map<EventQuery.Key, Integer> keyTopics, Function<Log, LedgerEvent> decoder) {
        this(EventEncoder.encode(event), keyTopics, decoder);
    }

    LedgerEventType(String topic, Map<EventQuery.Key, Integer> keyTopics, Function<Log, LedgerEvent> decoder) {
        this.topic = topic;
        this.keyTopics = keyTopics;
        this.decoder = decoder;
    }

    /** topic0: the keccak of the event signature. */
    String topic() {
        return topic;
    }

    /** The topic position that holds the key, if this event indexes it. */
    Optional<Integer> topicOf(EventQuery.Key key) {
        return Optional.ofNullable(keyTopics.get(key));
    }

    LedgerEvent decode(Log log) {
        return decoder.apply(log);
    }

    static Optional<LedgerEventType> ofTopic(String topic0) {
        for (LedgerEventType type : values()) {
            if (type.topic.equalsIgnoreCase(topic0)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static LedgerPosition position(Log log) {
        return new LedgerPosition(log.getBlockNumber().longValueExact(), log.getTransactionHash(),
                log.getLogIndex().longValueExact());
    }
}
