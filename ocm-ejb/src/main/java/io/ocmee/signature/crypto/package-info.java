/**
 * The signature algorithms HTTP Message Signatures and the legacy draft-cavage scheme use, behind
 * one enum.
 *
 * <p>Why it exists: RFC 9421 §3.3 names algorithms differently from JOSE (RFC 7518, RFC 8037, RFC
 * 9864) and from draft-cavage; OCM publishes keys as JWKs whose {@code alg} decides the algorithm.
 * {@link io.ocmee.signature.crypto.SignatureAlgorithm} holds the three vocabularies, the wire
 * format of each signature (raw r‖s for ECDSA, 64 bytes for Ed25519) and the JCA or BouncyCastle
 * primitive that computes it. {@link io.ocmee.signature.crypto.UnsuitableKeyException} reports a
 * key that cannot be used with the chosen algorithm.
 *
 * <p>Stateless and thread-safe. Nothing here logs.
 */
package io.ocmee.signature.crypto;
