package io.ocmee.share;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A share another server made with a local user (receiving role). Identified by its origin, the
 * sending server and its {@code providerId}; equality is on that business key.
 */
@Entity
@Table(name = "ocm_incoming_share")
@NamedQuery(
        name = IncomingShare.BY_ORIGIN,
        query =
                "SELECT s FROM IncomingShare s WHERE s.senderServer = :server"
                        + " AND s.providerId = :providerId")
@NamedQuery(
        name = IncomingShare.BY_RECIPIENT,
        query =
                "SELECT s FROM IncomingShare s WHERE s.recipient = :recipient"
                        + " ORDER BY s.receivedAt DESC, s.id")
@NamedQuery(
        name = IncomingShare.BY_SECRET,
        query =
                "SELECT s FROM IncomingShare s WHERE s.secretHash = :hash"
                        + " ORDER BY s.receivedAt DESC")
@NamedQuery(
        name = IncomingShare.BY_SERVER_AND_PARTY,
        query =
                "SELECT s FROM IncomingShare s WHERE s.senderServer = :server"
                        + " AND (s.owner = :address OR s.sender = :address)")
public class IncomingShare {

    static final String BY_ORIGIN = "IncomingShare.byOrigin";
    static final String BY_RECIPIENT = "IncomingShare.byRecipient";
    static final String BY_SECRET = "IncomingShare.bySecret";
    static final String BY_SERVER_AND_PARTY = "IncomingShare.byServerAndParty";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "recipient", nullable = false, length = 255)
    private String recipient;

    @Column(name = "sender_server", nullable = false, length = 300)
    private String senderServer;

    @Column(name = "provider_id", nullable = false, length = 255)
    private String providerId;

    @Column(name = "name", nullable = false, length = 1024)
    private String name;

    @Column(name = "owner", nullable = false, length = 1024)
    private String owner;

    @Column(name = "owner_display_name", length = 255)
    private String ownerDisplayName;

    @Column(name = "sender", nullable = false, length = 1024)
    private String sender;

    @Column(name = "sender_display_name", length = 255)
    private String senderDisplayName;

    @Column(name = "share_type", nullable = false, length = 16)
    private String shareType;

    @Column(name = "resource_type", nullable = false, length = 16)
    private String resourceType;

    @Column(name = "permissions", nullable = false, length = 64)
    private String permissions;

    @Column(name = "protocol_shape", nullable = false, length = 16)
    private String protocolShape;

    @Column(name = "webdav_uri", length = 2048)
    private String webdavUri;

    @Column(name = "shared_secret", nullable = false, length = 1024)
    private String sharedSecret;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "requirements", length = 200)
    private String requirements;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IncomingShare() {}

    IncomingShare(
            ShareCreationNotification share, String recipient, String senderServer, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.senderServer = Objects.requireNonNull(senderServer, "senderServer");
        this.providerId = share.providerId();
        this.name = share.name();
        this.owner = share.owner().format();
        this.ownerDisplayName = share.ownerDisplayName().orElse(null);
        this.sender = share.sender().format();
        this.senderDisplayName = share.senderDisplayName().orElse(null);
        this.shareType = share.shareType();
        this.resourceType = share.resourceType();
        this.permissions = Permissions.column(share.webdav().permissions());
        this.protocolShape = share.webdav().shape().column();
        this.webdavUri = share.webdav().uri().orElse(null);
        this.sharedSecret = share.webdav().sharedSecret();
        this.secretHash = Secrets.hash(share.webdav().sharedSecret());
        this.requirements =
                share.webdav().requirements().isEmpty()
                        ? null
                        : String.join(",", share.webdav().requirements());
        this.state = IncomingState.PENDING.wire();
        this.expiresAt = share.expiration().orElse(null);
        this.receivedAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String senderServer() {
        return senderServer;
    }

    String sender() {
        return sender;
    }

    String owner() {
        return owner;
    }

    String providerId() {
        return providerId;
    }

    String resourceType() {
        return resourceType;
    }

    String shareType() {
        return shareType;
    }

    String sharedSecret() {
        return sharedSecret;
    }

    Set<Permissions> permissions() {
        return Permissions.fromColumn(permissions);
    }

    /**
     * @param now the time of reading
     * @return the state, {@code removed} once the share has expired
     */
    IncomingState state(Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return IncomingState.REMOVED;
        }
        return IncomingState.of(state);
    }

    void changeState(IncomingState next, Instant now) {
        this.state = next.wire();
        this.updatedAt = now;
    }

    void changePermissions(Set<Permissions> next, Instant now) {
        this.permissions = Permissions.column(next);
        this.updatedAt = now;
    }

    IncomingShareView view(Instant now, boolean fromContact) {
        return new IncomingShareView(
                id,
                name,
                owner,
                Optional.ofNullable(ownerDisplayName),
                sender,
                Optional.ofNullable(senderDisplayName),
                shareType,
                resourceType,
                Permissions.wire(permissions()),
                state(now).wire(),
                Optional.ofNullable(expiresAt),
                receivedAt,
                Optional.ofNullable(webdavUri),
                ProtocolShape.valueOf(protocolShape.toUpperCase(java.util.Locale.ROOT)),
                fromContact);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingShare that
                && senderServer.equals(that.senderServer)
                && providerId.equals(that.providerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(senderServer, providerId);
    }
}
