package io.ocmee.share;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token the token endpoint issued for one outgoing share (Code Flow, OCM-NOTES §6). Only
 * the token's SHA-256 is stored; the token itself exists in clear only in the one response that
 * hands it out. Equality is on that hash.
 */
@Entity
@Table(name = "ocm_access_token")
@NamedQuery(
        name = AccessToken.DELETE_OF_SHARE,
        query = "DELETE FROM AccessToken t WHERE t.shareId = :shareId")
@NamedQuery(
        name = AccessToken.DELETE_EXPIRED,
        query = "DELETE FROM AccessToken t WHERE t.expiresAt <= :now")
public class AccessToken {

    static final String DELETE_OF_SHARE = "AccessToken.deleteOfShare";
    static final String DELETE_EXPIRED = "AccessToken.deleteExpired";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "share_id", nullable = false, length = 36)
    private String shareId;

    @Column(name = "client_id", nullable = false, length = 300)
    private String clientId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AccessToken() {}

    AccessToken(
            String tokenHash,
            String shareId,
            String clientId,
            Instant issuedAt,
            Instant expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.shareId = Objects.requireNonNull(shareId, "shareId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    String shareId() {
        return shareId;
    }

    /**
     * @param now the time of use
     * @return whether the token may still be used
     */
    boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken that && tokenHash.equals(that.tokenHash);
    }

    @Override
    public int hashCode() {
        return tokenHash.hashCode();
    }
}
