/**
 * Body digests: RFC 9530 {@code Content-Digest} and the legacy RFC 3230 {@code Digest} header that
 * draft-cavage signers (Nextcloud) send.
 *
 * <p>Why it exists: a signature covers the body only through a digest header, so the verifier must
 * recompute the digest from the exact received bytes. {@link
 * io.ocmee.signature.digest.ContentDigest} computes, serialises, parses and checks {@code
 * Content-Digest}; {@link io.ocmee.signature.digest.LegacyDigest} does the same for {@code Digest};
 * {@link io.ocmee.signature.digest.DigestAlgorithm} lists the recognised hashes. A malformed header
 * is a {@link io.ocmee.signature.digest.DigestFormatException} ("input is bad"); a well-formed
 * header that does not match the body makes the check return false ("could not verify").
 *
 * <p>Stateless and thread-safe. Nothing here logs.
 */
package io.ocmee.signature.digest;
