package org.lethe.modelservice.deletion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one deletion request that names a contribution: a contribution is asked to be deleted once. */
@Entity
@Table(name = "contribution_deletion")
public class ContributionDeletionEntity extends PanacheEntityBase {

    /** The database's name for the rule, as a refused insert reports it. */
    static final String ONE_REQUEST_PER_CONTRIBUTION = "contribution_deletion_pkey";

    @Id
    @Column(name = "contribution_root")
    public String contributionRoot;

    @Column(name = "request_id", nullable = false)
    public String requestId;
}
