/**
 * Keys as OCM publishes them: JWKs in a JWK Set (RFC 7517) for RFC 9421 signatures, and an SPKI PEM
 * for the legacy draft-cavage {@code publicKey.publicKeyPem} discovery field.
 *
 * <p>Why it exists: the server generates its own key pairs, publishes their public parts, and looks
 * up a peer's key by {@code kid}. JSON parsing and EC/RSA conversion are left to Nimbus JOSE+JWT;
 * this package adds what Nimbus lacks (Ed25519 JWK to a JCA key without Tink) and the OCM rules
 * (every published JWK has {@code kid} and {@code alg}).
 *
 * <p>Key types: {@link io.ocmee.signature.jwk.OcmKeys} (generate and convert), {@link
 * io.ocmee.signature.jwk.GeneratedKey}, {@link io.ocmee.signature.jwk.JwkSetIndex} (lookup by kid),
 * {@link io.ocmee.signature.jwk.PemKeys}, {@link io.ocmee.signature.jwk.KeyFormatException} (input
 * is bad).
 */
package io.ocmee.signature.jwk;
