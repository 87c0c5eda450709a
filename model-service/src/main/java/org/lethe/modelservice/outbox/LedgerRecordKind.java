package org.lethe.modelservice.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrite;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Recorded;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;

import java.time.Instant;
import java.util.Optional;

/**
 * The kinds of record the service writes through the outbox: how each is stored as JSON, encoded as
 * a contract call, and recognised on chain when a retry finds it already there.
 */
public enum LedgerRecordKind {

    CONTRIBUTION {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().recordContribution(contribution(payload));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            Contribution expected = contribution(payload);
            return ledger.contribution(expected.contributionRoot()).map(Recorded::value).equals(Optional.of(expected));
        }
    },

    MODEL_REGISTRATION {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().registerModel(Bytes32.fromHex(payload.get("modelId").asText()));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            return ledger.model(Bytes32.fromHex(payload.get("modelId").asText()))
                    .filter(model -> model.value().provider().equalsIgnoreCase(ledger.account())).isPresent();
        }
    },

    CHECKPOINT {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().recordCheckpoint(checkpoint(payload));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            Checkpoint expected = checkpoint(payload);
            return ledger.checkpoint(expected.versionHash()).map(Recorded::value).equals(Optional.of(expected));
        }
    },

    UNLEARNING {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().recordUnlearning(unlearning(payload));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            Unlearning expected = unlearning(payload);
            return ledger.unlearning(expected.target()).map(Recorded::value).equals(Optional.of(expected));
        }
    },

    DELETION_BATCH {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().anchorDeletionBatch(batch(payload));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            DeletionBatch expected = batch(payload);
            return ledger.deletionBatch(expected.batchRoot()).map(Recorded::value).equals(Optional.of(expected));
        }
    },

    DELETION_REQUEST {
        @Override
        LedgerWrite write(LedgerClient ledger, JsonNode payload) {
            return ledger.writes().requestDeletion(deletionRequest(payload));
        }

        @Override
        boolean onChain(LedgerClient ledger, JsonNode payload) {
            DeletionRequest expected = deletionRequest(payload);
            return ledger.deletionRequest(expected.requestId()).map(Recorded::value).equals(Optional.of(expected));
        }
    };

    /** The contract call that writes the record. */
    abstract LedgerWrite write(LedgerClient ledger, JsonNode payload);

    /** Whether the chain already holds this exact record (a retry of a write that did land). */
    abstract boolean onChain(LedgerClient ledger, JsonNode payload);

    public static ObjectNode payload(Contribution contribution) {
        return JsonNodeFactory.instance.objectNode()
                .put("contributionRoot", contribution.contributionRoot().toHex())
                .put("subjectIdHash", contribution.subjectIdHash().toHex())
                .put("sampleCount", contribution.sampleCount());
    }

    public static ObjectNode payload(DeletionRequest request) {
        return JsonNodeFactory.instance.objectNode()
                .put("requestId", request.requestId().toHex())
                .put("subjectIdHash", request.subjectIdHash().toHex())
                .put("contributionRoot", request.contributionRoot().toHex())
                .put("requestedAt", request.requestedAt().getEpochSecond());
    }

    public static ObjectNode payload(DeletionBatch batch) {
        return JsonNodeFactory.instance.objectNode()
                .put("batchRoot", batch.batchRoot().toHex())
                .put("count", batch.count());
    }

    private static DeletionBatch batch(JsonNode payload) {
        return new DeletionBatch(Bytes32.fromHex(payload.get("batchRoot").asText()), payload.get("count").asInt());
    }

    public static ObjectNode modelPayload(Bytes32 modelId) {
        return JsonNodeFactory.instance.objectNode().put("modelId", modelId.toHex());
    }

    public static ObjectNode payload(Checkpoint checkpoint) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("modelId", checkpoint.modelId().toHex())
                .put("versionHash", checkpoint.versionHash().toHex())
                .put("weightsHash", checkpoint.weightsHash().toHex())
                .put("trainingSetRoot", checkpoint.trainingSetRoot().toHex())
                .put("transcriptRoot", checkpoint.transcriptRoot().toHex());
        checkpoint.parentVersion().ifPresent(parent -> json.put("parentVersion", parent.toHex()));
        return json;
    }

    public static ObjectNode payload(Unlearning unlearning) {
        return JsonNodeFactory.instance.objectNode()
                .put("target", unlearning.target().toHex())
                .put("modelId", unlearning.modelId().toHex())
                .put("newVersion", unlearning.newVersion().toHex())
                .put("strategy", unlearning.strategy().name());
    }

    private static Checkpoint checkpoint(JsonNode payload) {
        return new Checkpoint(Bytes32.fromHex(payload.get("modelId").asText()),
                Bytes32.fromHex(payload.get("versionHash").asText()), Bytes32.fromHex(payload.get("weightsHash").asText()),
                Bytes32.fromHex(payload.get("trainingSetRoot").asText()),
                Bytes32.fromHex(payload.get("transcriptRoot").asText()),
                Optional.ofNullable(payload.get("parentVersion")).map(parent -> Bytes32.fromHex(parent.asText())));
    }

    private static Unlearning unlearning(JsonNode payload) {
        return new Unlearning(Bytes32.fromHex(payload.get("target").asText()),
                Bytes32.fromHex(payload.get("modelId").asText()), Bytes32.fromHex(payload.get("newVersion").asText()),
                UnlearningStrategy.valueOf(payload.get("strategy").asText()));
    }

    private static Contribution contribution(JsonNode payload) {
        return new Contribution(Bytes32.fromHex(payload.get("contributionRoot").asText()),
                Bytes32.fromHex(payload.get("subjectIdHash").asText()), payload.get("sampleCount").asInt());
    }

    private static DeletionRequest deletionRequest(JsonNode payload) {
        return new DeletionRequest(Bytes32.fromHex(payload.get("requestId").asText()),
                Bytes32.fromHex(payload.get("subjectIdHash").asText()),
                Bytes32.fromHex(payload.get("contributionRoot").asText()),
                Instant.ofEpochSecond(payload.get("requestedAt").asLong()));
    }
}
