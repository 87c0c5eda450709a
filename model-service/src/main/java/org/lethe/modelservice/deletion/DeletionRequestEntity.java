package org.lethe.modelservice.deletion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A subject's signed deletion request as received. */
@Entity
@Table(name = "deletion_request")
public class DeletionRequestEntity extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String nonce;

    @Column(name = "contributions_root", nullable = false)
    public String contributionsRoot;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String document;

    /** The version that executed the request, once unlearned. */
    @Column(name = "executed_version")
    public String executedVersion;

    @Column(name = "executed_at")
    public Instant executedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deletion_request_contribution", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "contribution_root")
    public List<String> contributionRoots = new ArrayList<>();
}
