package io.ocmee.signature;

import java.util.Optional;

/**
 * The server's callback that finds a signer's key by key id: discovery, then {@code jwksUri}, then
 * the JWK with {@code kid == keyid} (OCM-NOTES §7.3 step 4); for draft-cavage the discovery {@code
 * publicKey} whose {@code keyId} equals the request's.
 *
 * <p>The verifier calls {@code resolve(keyId, false)} first. If that is empty it calls {@code
 * resolve(keyId, true)} exactly once, which should bypass caches and refetch the peer's keys (key
 * rotation, OCM-NOTES checklist 87). Empty again means {@link RejectionReason#KEY_NOT_FOUND}.
 * Exceptions thrown by the resolver (for example a fetch failure) propagate unchanged.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @param keyId the key id from the signature, exactly as sent; may be a URL with a path
     *     (Nextcloud, OCM-NOTES §11 Q22)
     * @param refresh true when a cached lookup found nothing and the keys should be refetched
     * @param scheme the scheme of the signature, since RFC 9421 keys come from the JWK Set and
     *     cavage keys from the discovery {@code publicKey}
     * @return the key, or empty if the signer has no key with this id
     */
    Optional<ResolvedKey> resolve(String keyId, boolean refresh, SignatureScheme scheme);
}
