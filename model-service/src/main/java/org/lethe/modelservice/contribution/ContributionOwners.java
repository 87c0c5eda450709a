package org.lethe.modelservice.contribution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.evidence.hash.Bytes32;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns each contribution. A contribution's owner never changes once stored, so answers are kept
 * after the first look-up: the deletion intake checks ownership without a database round trip.
 */
@ApplicationScoped
public class ContributionOwners {

    private final Map<Bytes32, Bytes32> owners = new ConcurrentHashMap<>();

    /** The subject that contributed {@code root}, if such a contribution is stored. */
    public Optional<Bytes32> owner(Bytes32 root) {
        Bytes32 known = owners.get(root);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Bytes32> stored = QuarkusTransaction.requiringNew().call(() -> ContributionEntity
                .<ContributionEntity>findByIdOptional(root.toHex()).map(c -> Bytes32.fromHex(c.subjectId)));
        stored.ifPresent(owner -> owners.put(root, owner));
        return stored;
    }
}
