package org.lethe.modelservice.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One contributed sample; {@code arrival} orders the training set for SISA's slices. */
@Entity
@Table(name = "sample")
public class SampleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long arrival;

    @Column(name = "contribution_root", nullable = false)
    public String contributionRoot;

    @Column(name = "sample_hash", nullable = false)
    public String sampleHash;

    @Column(nullable = false)
    public short label;

    @Column(nullable = false)
    public byte[] image;
}
