package io.ocmee.delivery.outbox;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.delivery.outbox.RetryPolicy.Decision;
import io.ocmee.delivery.outbox.RetryPolicy.Deliver;
import io.ocmee.delivery.outbox.RetryPolicy.GiveUp;
import io.ocmee.delivery.outbox.RetryPolicy.Retry;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds. A non-persistent interval timer ({@code
 * ocm.outbox.poll-interval-seconds}) runs a pass; {@link OutboxService#enqueue} also asks for one
 * right after its transaction commits ({@link #kick()}), so that a new message usually leaves at
 * once and the timer is the safety net for retries, restarts and lost kicks.
 *
 * <p>A pass: release messages stuck in flight, delete old delivered ones, then repeatedly claim a
 * small batch of due messages (each claim its own transaction) and send each claimed message
 * outside any transaction through {@link Peers}, recording the {@link RetryPolicy}'s decision in a
 * new transaction. Messages due only after the pass started wait for the next one.
 *
 * <p>Concurrency: one pass at a time in this server; a kick during a pass makes it run once more.
 * Across servers sharing a database, claims keep a message from being sent twice at once. Delivery
 * is at least once: a sender that dies after the peer accepted but before recording it sends again
 * after the in-flight timeout.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    /** Batches one pass claims at most, so that a pass ends even under a steady inflow. */
    private static final int MAX_BATCHES_PER_PASS = 50;

    @Resource private TimerService timers;

    @EJB private OutboxLedger ledger;

    @Inject private Peers peers;

    @Inject private OcmSettings settings;

    private final Clock clock = Clocks.storable();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private RetryPolicy policy;

    @PostConstruct
    void start() {
        policy =
                new RetryPolicy(
                        settings.outboxBackoffBase(),
                        settings.outboxBackoffCap(),
                        settings.outboxJitterPercent(),
                        () -> ThreadLocalRandom.current().nextDouble());
        long interval = settings.outboxPollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("ocm-outbox", false));
        LOG.log(
                Level.INFO,
                "OCM-0710 Outbox delivering; looking for due messages every {0} s",
                settings.outboxPollInterval().toSeconds());
    }

    @Timeout
    void onTimer() {
        dispatch();
    }

    /** Asks for a pass soon, without waiting for it. */
    @Asynchronous
    public void kick() {
        dispatch();
    }

    private void dispatch() {
        while (running.compareAndSet(false, true)) {
            try {
                do {
                    again.set(false);
                    pass();
                } while (again.get());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "OCM-0711 Outbox pass failed; the next pass retries", e);
            } finally {
                running.set(false);
            }
            if (!again.get()) {
                return;
            }
        }
        again.set(true);
    }

    private void pass() {
        Instant start = clock.instant();
        housekeeping(start);
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            List<ClaimedMessage> claimed = ledger.claimDue(start, settings.outboxBatchSize());
            claimed.forEach(this::attempt);
            if (claimed.size() < settings.outboxBatchSize()) {
                return;
            }
        }
    }

    private void housekeeping(Instant now) {
        int released = ledger.releaseStuck(now.minus(settings.outboxInFlightTimeout()), now);
        if (released > 0) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0706 {0} message(s) in flight for longer than {1} s were put back in line"
                            + " (their sender stopped); they may reach their peers twice",
                    new Object[] {released, settings.outboxInFlightTimeout().toSeconds()});
        }
        ledger.purgeDelivered(now.minus(settings.outboxDeliveredRetention()));
    }

    private void attempt(ClaimedMessage message) {
        Integer status = null;
        String response = null;
        Decision decision;
        try {
            PeerHttpResponse answer = send(message);
            status = answer.status();
            response = answer.bodyText();
            decision =
                    policy.afterResponse(
                            status,
                            answer.firstHeader("Retry-After"),
                            response,
                            message.attempts(),
                            message.giveUpAt(),
                            clock.instant());
        } catch (RuntimeException e) {
            logUnexpected(message, e);
            decision =
                    policy.afterFailure(e, message.attempts(), message.giveUpAt(), clock.instant());
        }
        log(message, decision, status);
        try {
            ledger.record(message.id(), decision, status, response);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "OCM-0709 Could not record the outcome of message "
                            + message.id()
                            + "; it is sent again after the in-flight timeout",
                    e);
        }
    }

    private PeerHttpResponse send(ClaimedMessage message) {
        ProviderHost peer = ProviderHost.parse(message.peer());
        PeerDiscovery discovery = peers.discover(peer);
        URI url = discovery.endpoint(message.endpointPath());
        return peers.post(peer, url, "application/json", message.body());
    }

    private static void logUnexpected(ClaimedMessage message, RuntimeException e) {
        if (e instanceof DiscoveryException
                || e instanceof PeerHttpException
                || e instanceof IllegalArgumentException) {
            return;
        }
        LOG.log(
                Level.SEVERE,
                "OCM-0707 Unexpected failure sending message "
                        + message.id()
                        + " to "
                        + message.peer()
                        + message.endpointPath(),
                e);
    }

    private static void log(ClaimedMessage message, Decision decision, Integer status) {
        Object[] where = {
            message.id(),
            message.kind(),
            message.peer() + message.endpointPath(),
            status == null ? "no answer" : "HTTP " + status
        };
        if (decision instanceof Deliver) {
            LOG.log(Level.INFO, "OCM-0702 Message {0} ({1}) delivered to {2}: {3}", where);
        } else if (decision instanceof Retry retry) {
            LOG.log(
                    Level.INFO,
                    "OCM-0703 Message {0} ({1}) to {2} not delivered ({3}, attempt {4});"
                            + " next attempt at {5}",
                    new Object[] {
                        where[0], where[1], where[2], where[3], message.attempts() + 1, retry.at()
                    });
        } else if (decision instanceof GiveUp end && end.end() == MessageState.FAILED) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0704 Message {0} ({1}) to {2} failed ({3}); it is not retried",
                    where);
        } else {
            LOG.log(
                    Level.WARNING,
                    "OCM-0705 Message {0} ({1}) to {2} abandoned at the retry horizon after {4}"
                            + " attempts (last: {3})",
                    new Object[] {where[0], where[1], where[2], where[3], message.attempts() + 1});
        }
    }
}
