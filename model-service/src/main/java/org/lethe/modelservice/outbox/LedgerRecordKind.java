package org.lethe.modelservice.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrite;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Recorded;

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
