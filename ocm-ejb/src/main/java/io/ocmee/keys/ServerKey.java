package io.ocmee.keys;

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

/** One of this server's signing keys. Equality on the key id. */
@Entity
@Table(name = "ocm_server_key")
@NamedQuery(name = ServerKey.ALL, query = "SELECT k FROM ServerKey k ORDER BY k.createdAt")
public class ServerKey {

    static final String ALL = "ServerKey.all";

    @Id
    @Column(name = "kid", length = 200)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 40)
    private String algorithm;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 16)
    private KeyPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private KeyState state;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    /** Base64 of AES-GCM(PKCS#8); {@code null} once retired. */
    @Column(name = "private_key", length = 8000)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activate_at", nullable = false)
    private Instant activateAt;

    @Column(name = "retiring_since")
    private Instant retiringSince;

    @Column(name = "published_until")
    private Instant publishedUntil;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ServerKey() {}

    ServerKey(
            String kid,
            String algorithm,
            KeyPurpose purpose,
            String publicJwk,
            String privateKey,
            Instant now,
            Instant activateAt) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.algorithm = algorithm;
        this.purpose = purpose;
        this.state = activateAt.isAfter(now) ? KeyState.PENDING : KeyState.ACTIVE;
        this.publicJwk = publicJwk;
        this.privateKey = privateKey;
        this.createdAt = now;
        this.activateAt = activateAt;
    }

    Instant activateAt() {
        return activateAt;
    }

    void makePending() {
        this.state = KeyState.PENDING;
    }

    void activate() {
        this.state = KeyState.ACTIVE;
    }

    String kid() {
        return kid;
    }

    String algorithm() {
        return algorithm;
    }

    KeyPurpose purpose() {
        return purpose;
    }

    KeyState state() {
        return state;
    }

    String publicJwk() {
        return publicJwk;
    }

    String privateKey() {
        return privateKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant publishedUntil() {
        return publishedUntil;
    }

    void retire(Instant now, Instant until) {
        this.state = KeyState.RETIRING;
        this.retiringSince = now;
        this.publishedUntil = until;
    }

    void remove() {
        this.state = KeyState.RETIRED;
        this.privateKey = null;
        if (publishedUntil == null) {
            publishedUntil = retiringSince;
        }
    }

    KeyView toView() {
        return new KeyView(
                kid, algorithm, purpose, state, createdAt, retiringSince, publishedUntil);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerKey other && Objects.equals(kid, other.kid);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(kid);
    }
}
