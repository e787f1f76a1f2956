package io.ocmee.invite;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invite made by a local user (OCM-NOTES §5.1 step 1). Identified in the protocol by its token,
 * of which only the SHA-256 is stored; equality is on that hash.
 *
 * <p>Not cached: acceptance races are decided by the version column against the database, so every
 * read must see the database.
 */
@Entity
@Cacheable(false)
@Table(name = "ocm_invite")
@NamedQuery(name = Invite.BY_TOKEN_HASH, query = "SELECT i FROM Invite i WHERE i.tokenHash = :hash")
@NamedQuery(
        name = Invite.BY_OWNER,
        query = "SELECT i FROM Invite i WHERE i.ownerName = :owner ORDER BY i.createdAt DESC")
public class Invite {

    static final String BY_TOKEN_HASH = "Invite.byTokenHash";
    static final String BY_OWNER = "Invite.byOwner";

    /** Stored states; {@code expired} is derived from {@link #expiresAt}. */
    enum State {
        PENDING,
        ACCEPTED,
        REVOKED
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner_name", nullable = false, length = 255)
    private String ownerName;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "email", length = 320)
    private String email;

    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "accepted_server", length = 300)
    private String acceptedServer;

    @Column(name = "accepted_user", length = 1024)
    private String acceptedUser;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Invite() {}

    Invite(
            String ownerName,
            String tokenHash,
            String description,
            String email,
            Instant expiresAt,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.ownerName = Objects.requireNonNull(ownerName, "ownerName");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.description = description;
        this.email = email;
        this.state = State.PENDING.name();
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String ownerName() {
        return ownerName;
    }

    State state() {
        return State.valueOf(state);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * @return whether the given receiver is the one that accepted this invite
     */
    boolean acceptedBy(String server, String user) {
        return state() == State.ACCEPTED
                && server.equals(acceptedServer)
                && user.equals(acceptedUser);
    }

    void accept(String server, String user, Instant now) {
        this.state = State.ACCEPTED.name();
        this.acceptedServer = server;
        this.acceptedUser = user;
        this.acceptedAt = now;
    }

    void revoke() {
        this.state = State.REVOKED.name();
    }

    /**
     * @return the wire state: {@code pending}, {@code accepted}, {@code expired} or {@code revoked}
     */
    String wireState(Instant now) {
        State current = state();
        if (current == State.PENDING && expired(now)) {
            return "expired";
        }
        return current.name().toLowerCase(java.util.Locale.ROOT);
    }

    InviteView view(Instant now) {
        return new InviteView(
                id, null, null, null, description, email, expiresAt, createdAt, wireState(now));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invite that && tokenHash.equals(that.tokenHash);
    }

    @Override
    public int hashCode() {
        return tokenHash.hashCode();
    }
}
