/**
 * The legacy draft-cavage-http-signatures-12 scheme, as Nextcloud 31–33 uses it for OCM (OCM-NOTES
 * §7.4, §11 Q24).
 *
 * <p>Why it exists: deployed Nextcloud servers sign with {@code Signature: keyId=…,
 * algorithm="rsa-sha512", headers="(request-target) content-length date digest host", signature=…}
 * and expect the same from their peers. {@link io.ocmee.signature.cavage.CavageSignatureHeader}
 * parses and produces the {@code Signature} and {@code Authorization: Signature …} forms; {@link
 * io.ocmee.signature.cavage.CavageSigningString} builds the string that is signed. Malformed input
 * raises {@link io.ocmee.signature.cavage.MalformedCavageSignatureException}; a listed header
 * missing from the message raises {@link io.ocmee.signature.cavage.MissingHeaderException}.
 *
 * <p>Immutable and thread-safe. Nothing here logs.
 */
package io.ocmee.signature.cavage;
