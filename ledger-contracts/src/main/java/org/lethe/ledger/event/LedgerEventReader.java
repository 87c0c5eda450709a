package org.lethe.ledger.event;

import org.lethe.ledger.LedgerUnavailableException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the contract's events with {@code eth_getLogs}, filtered on the node by topic: one query per
 * event type that indexes the key (the key sits at different topic positions in different events).
 */
public final class LedgerEventReader {

    private final Web3j web3j;
    private final String contractAddress;

    public LedgerEventReader(Web3j web3j, String contractAddress) {
        this.web3j = web3j;
        this.contractAddress = contractAddress;
    }

    /**
     * @throws LedgerUnavailableException if the node cannot answer
     */
    public List<LedgerEvent> read(EventQuery query) {
        List<LedgerEvent> events = new ArrayList<>();
        if (query.key() == EventQuery.Key.ANY) {
            EthFilter filter = filter(query);
            filter.addOptionalTopics(Arrays.stream(LedgerEventType.values()).map(LedgerEventType::topic)
                    .toArray(String[]::new));
            events.addAll(decode(logs(filter)));
        } else {
            for (LedgerEventType type : LedgerEventType.values()) {
                Optional<Integer> position = type.topicOf(query.key());
                if (position.isEmpty()) {
                    continue;
                }
                EthFilter filter = filter(query);
                filter.addSingleTopic(type.topic());
                for (int topic = 1; topic < position.get(); topic++) {
                    filter.addNullTopic();
                }
                filter.addSingleTopic(query.value().orElseThrow().toHex());
                events.addAll(decode(logs(filter)));
            }
        }
        events.sort(Comparator.comparing(LedgerEvent::position));
        return events;
    }

    private EthFilter filter(EventQuery query) {
        DefaultBlockParameter to = query.toBlock().isPresent()
                ? DefaultBlockParameter.valueOf(BigInteger.valueOf(query.toBlock().getAsLong()))
                : DefaultBlockParameterName.LATEST;
        return new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(query.fromBlock())), to, contractAddress);
    }

    private List<Log> logs(EthFilter filter) {
        EthLog answer;
        try {
            answer = web3j.ethGetLogs(filter).send();
        } catch (IOException e) {
            throw new LedgerUnavailableException("eth_getLogs failed: " + e.getMessage(), e);
        }
        if (answer.hasError()) {
            throw new LedgerUnavailableException("eth_getLogs refused: " + answer.getError().getMessage());
        }
        return answer.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    private static List<LedgerEvent> decode(List<Log> logs) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Log log : logs) {
            LedgerEventType.ofTopic(log.getTopics().get(0)).map(type -> type.decode(log)).ifPresent(events::add);
        }
        return events;
    }
}
