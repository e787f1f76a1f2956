/**
 * HTTP Message Signatures (RFC 9421): component identifiers, signature parameters, the signature
 * base, and the {@code Signature-Input} / {@code Signature} fields.
 *
 * <p>Why it exists: OCM signs server-to-server requests with RFC 9421 (OCM-NOTES §7.2). This
 * package is the generic, policy-free part: it builds the exact signature base of §2.5 for an
 * {@link io.ocmee.signature.message.HttpMessage}, and signs or verifies it with any {@link
 * io.ocmee.signature.crypto.SignatureAlgorithm}. What OCM requires on top (the {@code ocm} tag,
 * mandatory components, freshness, key lookup, refusing HMAC) lives in {@code io.ocmee.signature}.
 *
 * <p>Key types: {@link io.ocmee.signature.rfc9421.ComponentIdentifier}, {@link
 * io.ocmee.signature.rfc9421.SignatureParameters}, {@link io.ocmee.signature.rfc9421.SignatureBase}
 * (built by {@link io.ocmee.signature.rfc9421.SignatureBaseBuilder}), {@link
 * io.ocmee.signature.rfc9421.MessageSignature} (one labelled entry of the two fields, parsed by
 * {@link io.ocmee.signature.rfc9421.MessageSignatures}). Malformed input raises {@link
 * io.ocmee.signature.rfc9421.MalformedSignatureException}; a covered component absent from the
 * message raises {@link io.ocmee.signature.rfc9421.MissingComponentException}; a signature that
 * does not verify is reported as {@code false}, not as an exception.
 *
 * <p>All types are immutable and thread-safe. Nothing here logs.
 */
package io.ocmee.signature.rfc9421;
