package org.lethe.auditor.index;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the auditor follows the ledger. */
@ConfigMapping(prefix = "lethe.auditor.index")
public interface IndexerSettings {

    /** The block the contract was deployed in: indexing starts there. */
    long deploymentBlock();

    /** Blocks a block must have on top of it before its events are indexed. */
    int confirmations();

    /** The most blocks one {@code eth_getLogs} call covers. */
    int blocksPerRead();

    /** How often to look for new blocks (and retry after the node was unreachable). */
    Duration pollInterval();
}
