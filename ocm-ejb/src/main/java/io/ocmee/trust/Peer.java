package io.ocmee.trust;

import io.ocmee.discovery.Dialect;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A remote OCM server, identified by its authority ({@code host[:port]}, lower case). Equality is
 * on the authority.
 */
@Entity
@Table(name = "ocm_peer")
@NamedQuery(name = Peer.BY_AUTHORITY, query = "SELECT p FROM Peer p WHERE p.authority = :authority")
@NamedQuery(name = Peer.ALL, query = "SELECT p FROM Peer p ORDER BY p.authority")
public class Peer {

    static final String BY_AUTHORITY = "Peer.byAuthority";
    static final String ALL = "Peer.all";

    /** A random UUID: identical on every JPA provider and database, unlike generated keys. */
    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "authority", nullable = false, unique = true, length = 300)
    private String authority;

    @Enumerated(EnumType.STRING)
    @Column(name = "trust_state", nullable = false, length = 16)
    private TrustState trustState;

    @Enumerated(EnumType.STRING)
    @Column(name = "trust_source", length = 16)
    private TrustSource trustSource;

    @Column(name = "api_version", length = 32)
    private String apiVersion;

    @Column(name = "end_point", length = 2000)
    private String endPoint;

    @Column(name = "provider_name", length = 255)
    private String providerName;

    @Column(name = "capabilities", length = 2000)
    private String capabilities;

    @Column(name = "criteria", length = 2000)
    private String criteria;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "invite_accept_dialog", length = 2000)
    private String inviteAcceptDialog;

    @Column(name = "has_signed", nullable = false)
    private boolean hasSigned;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Peer() {}

    Peer(String authority, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.authority = Objects.requireNonNull(authority, "authority");
        this.trustState = TrustState.UNKNOWN;
        this.firstSeen = now;
        this.lastSeen = now;
    }

    void recordDiscovery(
            String apiVersion,
            String endPoint,
            String providerName,
            String capabilities,
            String criteria,
            String inviteAcceptDialog,
            Instant now) {
        this.inviteAcceptDialog = clip(inviteAcceptDialog, 2000);
        this.apiVersion = clip(apiVersion, 32);
        this.endPoint = clip(endPoint, 2000);
        this.providerName = clip(providerName, 255);
        this.capabilities = clip(capabilities, 2000);
        this.criteria = clip(criteria, 2000);
        this.lastError = null;
        this.lastSeen = now;
    }

    /**
     * @return whether a discovery with these values would change nothing but {@code lastSeen}
     */
    boolean sameDiscovery(
            String apiVersion,
            String endPoint,
            String providerName,
            String capabilities,
            String criteria,
            String inviteAcceptDialog) {
        return lastError == null
                && Objects.equals(this.apiVersion, clip(apiVersion, 32))
                && Objects.equals(this.endPoint, clip(endPoint, 2000))
                && Objects.equals(this.providerName, clip(providerName, 255))
                && Objects.equals(this.capabilities, clip(capabilities, 2000))
                && Objects.equals(this.criteria, clip(criteria, 2000))
                && Objects.equals(this.inviteAcceptDialog, clip(inviteAcceptDialog, 2000));
    }

    void recordFailure(String error, Instant now) {
        this.lastError = clip(error, 1000);
        this.lastSeen = now;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    boolean hasSigned() {
        return hasSigned;
    }

    void markSigned(Instant now) {
        this.hasSigned = true;
        this.lastSeen = now;
    }

    void changeTrust(TrustState state, TrustSource source) {
        this.trustState = Objects.requireNonNull(state, "state");
        this.trustSource = source;
    }

    TrustState trustState() {
        return trustState;
    }

    TrustSource trustSource() {
        return trustSource;
    }

    PeerView toView() {
        return toView(new TrustDecision(trustState, trustSource, null));
    }

    /** The view with the effective trust, which the settings may override (see PeerService). */
    PeerView toView(TrustDecision trust) {
        return new PeerView(
                authority,
                trust.state(),
                trust.source(),
                apiVersion,
                endPoint,
                providerName,
                PeerView.split(capabilities),
                PeerView.split(criteria),
                lastError,
                firstSeen,
                lastSeen,
                inviteAcceptDialog,
                apiVersion == null ? null : Dialect.of(apiVersion));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Peer other && Objects.equals(authority, other.authority);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(authority);
    }
}
