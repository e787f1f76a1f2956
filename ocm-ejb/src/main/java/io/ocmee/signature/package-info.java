/**
 * OCM request signing: what the server calls to sign outbound requests and to verify inbound ones
 * (OCM-NOTES §7, §11 Q7, Q22–Q24).
 *
 * <p>Why it exists: OCM adds rules on top of RFC 9421 — a signature tagged {@code ocm}, mandatory
 * components {@code @method @target-uri content-digest content-length}, mandatory {@code created}
 * and {@code keyid}, a freshness window, the algorithm decided by the signer's JWK {@code alg}, no
 * symmetric algorithms — and deployed peers (Nextcloud) still speak the legacy draft-cavage scheme.
 * This package applies those rules; the sub-packages hold the policy-free building blocks ({@code
 * sf}, {@code message}, {@code crypto}, {@code rfc9421}, {@code digest}, {@code cavage}, {@code
 * jwk}).
 *
 * <p>Key types: {@link io.ocmee.signature.OcmRequestSigner} (RFC 9421, label and tag {@code ocm}),
 * {@link io.ocmee.signature.OcmCavageRequestSigner} (Nextcloud's {@code rsa-sha512} variant),
 * {@link io.ocmee.signature.OcmRequestVerifier} (both schemes) with its {@link
 * io.ocmee.signature.KeyResolver} callback and {@link io.ocmee.signature.VerificationPolicy};
 * outcomes are a {@link io.ocmee.signature.VerifiedSignature} or a {@link
 * io.ocmee.signature.SignatureRejectedException} carrying a {@link
 * io.ocmee.signature.RejectionReason}.
 *
 * <p>No Jakarta imports and no logging: the server logs the rejection reason. Messages never carry
 * key material or whole signature values.
 */
package io.ocmee.signature;
