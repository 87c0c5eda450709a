package org.lethe.auditor.ledger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.event.LedgerEventReader;
import org.lethe.service.ledger.LedgerSettings;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the auditor reads from the ledger node, without an account: the head, the contract's events in a
 * block range, and block times (events carry none).
 */
@ApplicationScoped
public class LedgerView {

    /** Block headers asked for in one JSON-RPC batch. */
    private static final int BLOCKS_PER_BATCH = 500;

    private final Web3j web3j;
    private final LedgerEventReader events;
    private final String contractAddress;

    public LedgerView(LedgerSettings settings) {
        this.web3j = Web3j.build(new HttpService(settings.rpcUrl()));
        this.contractAddress = settings.contractAddress();
        this.events = new LedgerEventReader(web3j, contractAddress);
    }

    public String contractAddress() {
        return contractAddress;
    }

    /**
     * @throws LedgerUnavailableException if the node cannot answer
     */
    public long headBlock() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw new LedgerUnavailableException("eth_blockNumber failed: " + e.getMessage(), e);
        }
    }

    /**
     * @throws LedgerUnavailableException if the node cannot answer
     */
    public long chainId() {
        try {
            return web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException | RuntimeException e) {
            throw new LedgerUnavailableException("eth_chainId failed: " + e.getMessage(), e);
        }
    }

    /** The contract's events in the blocks {@code from..to}, inclusive, in chain order. */
    public List<LedgerEvent> events(long from, long to) {
        return events.read(EventQuery.all().inBlocks(from, to));
    }

    /**
     * The timestamps of the given blocks, asked in JSON-RPC batches.
     *
     * @throws LedgerUnavailableException if the node cannot answer or lacks a block
     */
    public Map<Long, Instant> blockTimes(Collection<Long> blocks) {
        Map<Long, Instant> times = new HashMap<>();
        List<Long> wanted = blocks.stream().distinct().toList();
        for (int from = 0; from < wanted.size(); from += BLOCKS_PER_BATCH) {
            List<Long> part = wanted.subList(from, Math.min(wanted.size(), from + BLOCKS_PER_BATCH));
            BatchRequest batch = web3j.newBatch();
            part.forEach(block -> batch.add(web3j.ethGetBlockByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false)));
            BatchResponse answer;
            try {
                answer = batch.send();
            } catch (IOException | RuntimeException e) {
                throw new LedgerUnavailableException("eth_getBlockByNumber failed: " + e.getMessage(), e);
            }
            for (Response<?> response : answer.getResponses()) {
                EthBlock.Block block = response.hasError() ? null : ((EthBlock) response).getBlock();
                if (block == null) {
                    throw new LedgerUnavailableException("the node has no header for one of blocks " + part);
                }
                times.put(block.getNumber().longValueExact(), Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
            }
        }
        return times;
    }

    @PreDestroy
    void close() {
        web3j.shutdown();
    }
}
