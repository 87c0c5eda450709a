package org.lethe.verifier.replay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.replay.ProvenPrefixes;

import java.time.Instant;
import java.util.Collection;

/** The prefixes the verifier's replays proved, kept in its database so that a restart does not train them again. */
@ApplicationScoped
public class ProvenShardPrefixes implements ProvenPrefixes {

    @Override
    @Transactional
    public boolean contains(Bytes32 prefix) {
        return ProvenPrefixEntity.findById(prefix.toHex()) != null;
    }

    @Override
    @Transactional
    public void addAll(Collection<Bytes32> prefixes) {
        Instant now = Instant.now();
        for (Bytes32 prefix : prefixes) {
            if (ProvenPrefixEntity.findById(prefix.toHex()) == null) {
                ProvenPrefixEntity proven = new ProvenPrefixEntity();
                proven.prefix = prefix.toHex();
                proven.provenAt = now;
                proven.persist();
            }
        }
    }
}
