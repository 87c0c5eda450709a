package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.revert.ContractError;
import org.lethe.ledger.revert.DuplicateRecordException;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;
import org.lethe.ledger.testing.SendOrderRecorder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ledger.LedgerFixtures.contribution;
import static org.lethe.ledger.LedgerFixtures.randomId;

/** Many writes in flight from one account: the nonce manager keeps them apart and all of them land. */
@ExtendWith(AnvilLedgerExtension.class)
class PipelinedWritesTest {

    private final AnvilLedger ledger;
    private final LedgerClient provider;

    PipelinedWritesTest(AnvilLedger ledger) {
        this.ledger = ledger;
        this.provider = ledger.client(ledger.provider());
    }

    @Test
    void pipelinedWritesAllLandInOrder() {
        List<Contribution> contributions = IntStream.range(0, 50).mapToObj(i -> contribution(randomId())).toList();

        List<LedgerReceipt> receipts = provider.submitAll(contributions.stream()
                .map(c -> provider.writes().recordContribution(c)).toList());

        assertEquals(50, new HashSet<>(receipts.stream().map(LedgerReceipt::txHash).toList()).size());
        for (int i = 1; i < receipts.size(); i++) {
            assertTrue(receipts.get(i).blockNumber() >= receipts.get(i - 1).blockNumber(), "nonce order is chain order");
        }
        contributions.forEach(c -> assertEquals(c, provider.contribution(c.contributionRoot()).orElseThrow().value()));
    }

    @Test
    void concurrentWritersFromOneAccountAllLandAndReachTheNodeInNonceOrder() throws Exception {
        List<Contribution> contributions = IntStream.range(0, 40).mapToObj(i -> contribution(randomId())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SendOrderRecorder recorder = new SendOrderRecorder(ledger.node().rpcUrl());
             LedgerClient recorded = LedgerClient.connect(recorder.rpcUrl(), ledger.provider(), ledger.contractAddress(),
                     LedgerClientConfig.instantMining())) {
            List<Future<LedgerReceipt>> futures = new ArrayList<>();
            for (Contribution c : contributions) {
                futures.add(pool.submit(() -> recorded.recordContribution(c)));
            }
            for (Future<LedgerReceipt> future : futures) {
                future.get();
            }
            List<Long> arrivals = recorder.nonces();
            assertEquals(40, arrivals.size());
            assertEquals(arrivals.stream().sorted().toList(), arrivals, "a transaction overtook its predecessor");
        } finally {
            pool.shutdown();
        }

        contributions.forEach(c -> assertEquals(c, provider.contribution(c.contributionRoot()).orElseThrow().value()));
    }

    @Test
    void aPipelinedWriteThatRevertsOnChainIsDecodedFromItsReplay() {
        Contribution contribution = contribution(randomId());

        DuplicateRecordException error = assertThrows(DuplicateRecordException.class, () -> provider.submitAll(List.of(
                provider.writes().recordContribution(contribution), provider.writes().recordContribution(contribution))));

        assertEquals(ContractError.ContributionAlreadyRecorded, error.error());
        assertEquals(contribution, provider.contribution(contribution.contributionRoot()).orElseThrow().value());
    }
}
