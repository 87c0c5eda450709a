package org.lethe.modelservice.deletion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.modelservice.outbox.LedgerOutbox;
import org.lethe.modelservice.outbox.LedgerRecordKind;
import org.lethe.service.problem.ProblemException;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of accepted deletion requests: one writer thread stores whatever has queued up (up to
 * the configured size) in a single transaction with batched inserts, the requests and their outbox
 * entries together, and only then lets each caller answer. A request is durable before its receipt.
 * A batch that fails is written again one request at a time, so one replayed nonce refuses only itself.
 */
@ApplicationScoped
public class DeletionIntake {

    private static final Logger LOG = Logger.getLogger(DeletionIntake.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private record Pending(AcceptedDeletion request, CompletableFuture<Void> written) {
    }

    private final LedgerOutbox outbox;
    private final DeletionSettings settings;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    public DeletionIntake(LedgerOutbox outbox, DeletionSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        writer = new Thread(this::writeLoop, "deletion-intake-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        writer.join(settings.groupCommitTimeout().toMillis());
    }

    /** Completes once the request and its outbox entry are committed; fails with a {@link ProblemException}. */
    CompletableFuture<Void> write(AcceptedDeletion request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Pending(request, written));
        return written;
    }

    private void writeLoop() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> group = new ArrayList<>();
                group.add(first);
                queue.drainTo(group, settings.groupCommitSize() - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("deletion intake writer failed", e);
            }
        }
    }

    private void writeGroup(List<Pending> group) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                group.forEach(pending -> persist(pending.request()));
                // flushed here, a constraint violation surfaces in this call, not in the commit's logging
                DeletionRequestEntity.flush();
            });
            group.forEach(pending -> pending.written().complete(null));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).written().completeExceptionally(refusal(group.get(0).request(), e));
            } else {
                group.forEach(pending -> writeGroup(List.of(pending)));
            }
        }
    }

    private void persist(AcceptedDeletion accepted) {
        DeletionRequestEntity request = new DeletionRequestEntity();
        request.requestId = accepted.requestId().toHex();
        request.subjectId = accepted.subjectId().toHex();
        request.nonce = accepted.nonce();
        request.contributionsRoot = accepted.contributionsRoot().toHex();
        request.requestedAt = accepted.requestedAt();
        request.receivedAt = accepted.receivedAt();
        request.document = accepted.document();
        request.contributionRoots = new ArrayList<>(accepted.contributionRoots().stream().map(Bytes32::toHex).toList());
        request.persist();
        for (Bytes32 root : accepted.contributionRoots()) {
            ContributionDeletionEntity named = new ContributionDeletionEntity();
            named.contributionRoot = root.toHex();
            named.requestId = request.requestId;
            named.persist();
        }
        DeletionRequest record = new DeletionRequest(accepted.requestId(), accepted.subjectId(),
                accepted.contributionsRoot(), Instant.ofEpochSecond(accepted.requestedAt().getEpochSecond()));
        outbox.enqueue(LedgerRecordKind.DELETION_REQUEST, accepted.requestId(), LedgerRecordKind.payload(record));
    }

    private static RuntimeException refusal(AcceptedDeletion request, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return violatedConstraint(sql).equals(Optional.of(ContributionDeletionEntity.ONE_REQUEST_PER_CONTRIBUTION))
                        ? alreadyRequested(request) : DeletionService.replayed(request.subjectId(), request.nonce());
            }
        }
        LOG.error("storing deletion request " + request.requestId() + " failed", failure);
        return new ProblemException(503, "intake-unavailable", "Deletion intake unavailable",
                "the request could not be stored; send it again");
    }

    /** The constraint PostgreSQL names; a batched insert carries the server's error as the next exception. */
    private static Optional<String> violatedConstraint(SQLException violation) {
        for (SQLException exception = violation; exception != null; exception = exception.getNextException()) {
            if (exception instanceof PSQLException postgres && postgres.getServerErrorMessage() != null) {
                return Optional.ofNullable(postgres.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }

    /** The earlier request that names one of this request's contributions, for the subject to follow instead. */
    private static ProblemException alreadyRequested(AcceptedDeletion request) {
        List<String> roots = request.contributionRoots().stream().map(Bytes32::toHex).toList();
        ContributionDeletionEntity first = QuarkusTransaction.requiringNew().call(() ->
                ContributionDeletionEntity.<ContributionDeletionEntity>list("contributionRoot in ?1", roots).get(0));
        return new ProblemException(409, "deletion-already-requested", "Deletion already requested",
                "contribution " + first.contributionRoot + " is already named by deletion request " + first.requestId
                        + "; follow it at /deletions/" + first.requestId + " (nothing was stored)");
    }
}
