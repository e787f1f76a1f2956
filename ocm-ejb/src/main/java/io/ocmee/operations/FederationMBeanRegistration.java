package io.ocmee.operations;

import io.ocmee.trust.TrustState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers the MBean {@code ocm:type=Federation} in the platform MBean server when the module
 * starts and removes it when the module stops, so JConsole and the servers' consoles see it. If a
 * second copy of the module runs in the same JVM, the first keeps the name and the second logs it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FederationMBeanRegistration {

    /** The object name of the MBean. */
    public static final String NAME = "ocm:type=Federation";

    private static final Logger LOG = Logger.getLogger(FederationMBeanRegistration.class.getName());

    @EJB private FederationConsole console;

    @Inject private FederationCounters counters;

    private ObjectName registered;

    @PostConstruct
    void register() {
        try {
            ObjectName name = new ObjectName(NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                LOG.warning("OCM-0801 " + NAME + " is registered by another deployment; not here");
                return;
            }
            server.registerMBean(
                    new StandardMBean(new Control(console, counters), FederationControl.class),
                    name);
            registered = name;
            LOG.info("OCM-0800 JMX MBean " + NAME + " registered");
        } catch (JMException e) {
            LOG.log(Level.WARNING, "OCM-0802 JMX MBean " + NAME + " could not be registered", e);
        }
    }

    @PreDestroy
    void unregister() {
        if (registered == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
        } catch (JMException e) {
            LOG.log(Level.FINE, "OCM-0803 JMX MBean " + NAME + " was already gone", e);
        }
        registered = null;
    }

    /**
     * The MBean itself. Failures cross to JMX clients as {@link IllegalArgumentException} or {@link
     * IllegalStateException} with the module's message, never as classes a console cannot load.
     */
    static final class Control implements FederationControl {

        private final FederationConsole console;
        private final FederationCounters counters;

        Control(FederationConsole console, FederationCounters counters) {
            this.console = console;
            this.counters = counters;
        }

        @Override
        public String[] getPeers() {
            return lines(console::peers);
        }

        @Override
        public String[] getKeys() {
            return lines(console::keys);
        }

        @Override
        public long getOutboxDepth() {
            return call(console::depth);
        }

        @Override
        public long getOutboxOldestAgeSeconds() {
            return call(console::oldestAgeSeconds);
        }

        @Override
        public String[] getDeadLetters() {
            return lines(console::deadLetters);
        }

        @Override
        public long getSharesReceived() {
            return counters.sharesReceived();
        }

        @Override
        public long getSharesSent() {
            return counters.sharesSent();
        }

        @Override
        public long getNotificationsReceived() {
            return counters.notificationsReceived();
        }

        @Override
        public long getNotificationsSent() {
            return counters.notificationsSent();
        }

        @Override
        public long getDeliveryFailures() {
            return counters.deliveryFailures();
        }

        @Override
        public long getSignatureFailures() {
            return counters.signatureFailures();
        }

        @Override
        public long getDeliveryMillisMean() {
            return counters.deliveryMillisMean();
        }

        @Override
        public String trustPeer(String authority) {
            return call(() -> console.changeTrust(authority, TrustState.TRUSTED));
        }

        @Override
        public String blockPeer(String authority) {
            return call(() -> console.changeTrust(authority, TrustState.BLOCKED));
        }

        @Override
        public String rotateKey(String purpose) {
            return call(() -> console.rotate(purpose));
        }

        @Override
        public int retryOutboxNow() {
            return call(console::retryAll);
        }

        @Override
        public String retryMessage(String id) {
            return call(() -> console.retry(id));
        }

        @Override
        public void dropMessage(String id) {
            call(
                    () -> {
                        console.drop(id);
                        return null;
                    });
        }

        private static String[] lines(Supplier<List<String>> list) {
            return call(list).toArray(String[]::new);
        }

        private static <T> T call(Supplier<T> operation) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null
                        && (cause instanceof jakarta.ejb.EJBException
                                || cause.getMessage() == null)) {
                    cause = cause.getCause();
                }
                if (cause instanceof IllegalArgumentException) {
                    throw new IllegalArgumentException(cause.getMessage());
                }
                throw new IllegalStateException(
                        cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
    }
}
