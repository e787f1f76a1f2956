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
 * A share a local user made with a user or group of another server (sending role). Equality is on
 * its {@code providerId}, unique per share (OCM-NOTES §3.3). The shared secret is kept only as its
 * SHA-256.
 */
@Entity
@Table(name = "ocm_outgoing_share")
@NamedQuery(
        name = OutgoingShare.BY_OWNER,
        query =
                "SELECT s FROM OutgoingShare s WHERE s.ownerName = :owner"
                        + " ORDER BY s.createdAt DESC, s.id")
@NamedQuery(
        name = OutgoingShare.BY_PROVIDER_ID,
        query = "SELECT s FROM OutgoingShare s WHERE s.providerId = :providerId")
@NamedQuery(
        name = OutgoingShare.BY_SECRET,
        query = "SELECT s FROM OutgoingShare s WHERE s.secretHash = :hash")
@NamedQuery(
        name = OutgoingShare.BY_PEER_AND_RECIPIENT,
        query =
                "SELECT s FROM OutgoingShare s WHERE s.peer = :peer"
                        + " AND s.shareWith = :shareWith")
public class OutgoingShare {

    static final String BY_OWNER = "OutgoingShare.byOwner";
    static final String BY_PROVIDER_ID = "OutgoingShare.byProviderId";
    static final String BY_SECRET = "OutgoingShare.bySecret";
    static final String BY_PEER_AND_RECIPIENT = "OutgoingShare.byPeerAndRecipient";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "provider_id", nullable = false, unique = true, length = 64)
    private String providerId;

    @Column(name = "owner_name", nullable = false, length = 255)
    private String ownerName;

    @Column(name = "share_with", nullable = false, length = 1024)
    private String shareWith;

    @Column(name = "peer", nullable = false, length = 300)
    private String peer;

    @Column(name = "resource_path", nullable = false, length = 4096)
    private String resourcePath;

    @Column(name = "resource_name", nullable = false, length = 1024)
    private String resourceName;

    @Column(name = "resource_type", nullable = false, length = 16)
    private String resourceType;

    @Column(name = "sent_resource_type", nullable = false, length = 16)
    private String sentResourceType;

    @Column(name = "share_type", nullable = false, length = 16)
    private String shareType;

    @Column(name = "permissions", nullable = false, length = 64)
    private String permissions;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "error", length = 1000)
    private String error;

    @Column(name = "recipient_display_name", length = 255)
    private String recipientDisplayName;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "must_exchange_token", nullable = false)
    private boolean mustExchangeToken;

    @Column(name = "token_exchanges", nullable = false)
    private long tokenExchanges;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OutgoingShare() {}

    OutgoingShare(ShareDraft draft, String secretHash, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.providerId = draft.providerId();
        this.ownerName = draft.owner();
        this.shareWith = draft.shareWith().format();
        this.peer = draft.shareWith().providerAuthority();
        this.resourcePath = draft.path().toString();
        this.resourceName = draft.path().name();
        this.resourceType = draft.resourceType();
        this.sentResourceType = draft.sentResourceType();
        this.shareType = draft.shareType();
        this.permissions = Permissions.column(draft.permissions());
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.state = OutgoingState.PENDING.wire();
        this.expiresAt = draft.expiration().orElse(null);
        this.mustExchangeToken = draft.plan().mustExchangeToken();
        this.createdAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String providerId() {
        return providerId;
    }

    String ownerName() {
        return ownerName;
    }

    String peer() {
        return peer;
    }

    String shareWith() {
        return shareWith;
    }

    String sentResourceType() {
        return sentResourceType;
    }

    String shareType() {
        return shareType;
    }

    String resourcePath() {
        return resourcePath;
    }

    String resourceType() {
        return resourceType;
    }

    String resourceName() {
        return resourceName;
    }

    String secretHash() {
        return secretHash;
    }

    Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * @return whether the share was sent with {@code must-exchange-token}: its WebDAV access takes
     *     only exchanged tokens (checklist S54)
     */
    boolean mustExchangeToken() {
        return mustExchangeToken;
    }

    /** Counts one access token issued by the token endpoint for this share. */
    void countTokenExchange() {
        this.tokenExchanges++;
    }

    Set<Permissions> permissions() {
        return Permissions.fromColumn(permissions);
    }

    /**
     * @param now the time of reading
     * @return the state; {@code removed} once a live share has expired
     */
    OutgoingState state(Instant now) {
        OutgoingState stored = OutgoingState.of(state);
        if (stored.live() && expiresAt != null && !now.isBefore(expiresAt)) {
            return OutgoingState.REMOVED;
        }
        return stored;
    }

    void changeState(OutgoingState next, Instant now) {
        this.state = next.wire();
        this.updatedAt = now;
    }

    void fail(String reason, Instant now) {
        this.error = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        changeState(OutgoingState.FAILED, now);
    }

    void delivered(Optional<String> displayName, Instant now) {
        this.recipientDisplayName = displayName.orElse(recipientDisplayName);
        changeState(OutgoingState.DELIVERED, now);
    }

    void changePermissions(Set<Permissions> next, Instant now) {
        this.permissions = Permissions.column(next);
        this.updatedAt = now;
    }

    OutgoingShareView view(Instant now) {
        OutgoingState current = state(now);
        return new OutgoingShareView(
                id,
                providerId,
                shareWith,
                shareType,
                resourcePath,
                resourceType,
                Permissions.wire(permissions()),
                current.wire(),
                current == OutgoingState.FAILED ? Optional.ofNullable(error) : Optional.empty(),
                Optional.ofNullable(recipientDisplayName),
                Optional.ofNullable(expiresAt),
                createdAt,
                mustExchangeToken,
                tokenExchanges);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutgoingShare that && providerId.equals(that.providerId);
    }

    @Override
    public int hashCode() {
        return providerId.hashCode();
    }
}
