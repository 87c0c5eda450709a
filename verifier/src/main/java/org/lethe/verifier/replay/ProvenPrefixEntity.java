package org.lethe.verifier.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A shard prefix the verifier trained itself to the recorded checkpoints. */
@Entity
@Table(name = "proven_shard_prefix")
public class ProvenPrefixEntity extends PanacheEntityBase {

    @Id
    @Column(name = "prefix")
    public String prefix;

    @Column(name = "proven_at", nullable = false)
    public Instant provenAt;
}
