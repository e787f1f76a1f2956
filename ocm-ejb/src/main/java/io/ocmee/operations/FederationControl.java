package io.ocmee.operations;

/**
 * The management interface of the MBean {@code ocm:type=Federation}: peers, keys, the outbox and
 * counters, for JConsole and the application servers' consoles. Operations act as the role {@code
 * ocm-admin}; who may reach the MBean is the server's JMX access control. Lists are plain text, one
 * entry a line, and never contain secrets or message bodies.
 */
public interface FederationControl {

    /**
     * @return one line per known peer: authority, trust state, API version, last seen
     */
    String[] getPeers();

    /**
     * @return one line per signing key: kid, algorithm, purpose, state, created
     */
    String[] getKeys();

    /**
     * @return messages waiting for delivery or being sent
     */
    long getOutboxDepth();

    /**
     * @return seconds the oldest waiting message has waited, -1 when none waits
     */
    long getOutboxOldestAgeSeconds();

    /**
     * @return one line per dead letter (failed or abandoned message), at most 100
     */
    String[] getDeadLetters();

    /**
     * @return shares received from peers since start
     */
    long getSharesReceived();

    /**
     * @return shares delivered to peers since start
     */
    long getSharesSent();

    /**
     * @return notifications received from peers since start
     */
    long getNotificationsReceived();

    /**
     * @return notifications delivered to peers since start
     */
    long getNotificationsSent();

    /**
     * @return deliveries that ended undelivered since start
     */
    long getDeliveryFailures();

    /**
     * @return peer requests refused by the signature check since start
     */
    long getSignatureFailures();

    /**
     * @return mean milliseconds from queueing to delivery since start
     */
    long getDeliveryMillisMean();

    /**
     * @param authority the peer, {@code host[:port]}
     * @return the peer's line after the change
     */
    String trustPeer(String authority);

    /**
     * @param authority the peer, {@code host[:port]}
     * @return the peer's line after the change
     */
    String blockPeer(String authority);

    /**
     * @param purpose {@code RFC9421} or {@code CAVAGE} (see {@code KeyPurpose})
     * @return the new key's line
     */
    String rotateKey(String purpose);

    /**
     * @return how many messages were made due now
     */
    int retryOutboxNow();

    /**
     * @param id an outbox message id
     * @return the message's line after the change
     */
    String retryMessage(String id);

    /**
     * Drops a dead letter (or any message not in flight) for good.
     *
     * @param id an outbox message id
     */
    void dropMessage(String id);
}
