/**
 * The "Where Are You From?" (WAYF) side of invites (OCM-NOTES §5.2, §9.5): which servers an invited
 * person may pick, and where their pick sends them.
 *
 * <p>{@link io.ocmee.wayf.WayfService} lists the servers this one trusts and those of the
 * configured Directory Services, and turns a chosen server into the redirect to its {@code
 * inviteAcceptDialog}. {@link io.ocmee.wayf.DirectoryDocumentVerifier} is plain Java: it checks a
 * Directory Service document's JWS signature against configured keys and the server entries against
 * the Appendix C rules, producing a {@link io.ocmee.wayf.DirectoryListing}.
 */
package io.ocmee.wayf;
