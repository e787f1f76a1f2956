/**
 * The receiving side's use of a share (OCM-NOTES §6, §8; issue 5): reaching the resource of an
 * accepted incoming share on its sending server over WebDAV.
 *
 * <p>{@link io.ocmee.access.ShareContentService} is the EJB boundary for the user API (download,
 * listing, upload; only the recipient, only accepted shares). {@link io.ocmee.access.ShareAccessor}
 * holds the algorithm: {@link io.ocmee.access.WebdavLocator} resolves absolute, relative and legacy
 * URIs and keeps sub-paths inside the share; credentials are chosen per share (token only for
 * {@code must-exchange-token}, token then secret when the sender offers {@code exchange-token},
 * else the secret as Bearer or legacy Basic), tokens come from {@link
 * io.ocmee.access.TokenExchanger} (signed, form-encoded code flow) and live only in the in-memory
 * {@link io.ocmee.access.TokenCache}; {@code PROPFIND} answers are read by {@code
 * MultistatusParser} into {@link io.ocmee.access.RemoteEntry}s; downloads stream as {@link
 * io.ocmee.access.RemoteContent}. Failures are {@link io.ocmee.access.ShareAccessException}s with a
 * {@link io.ocmee.access.ShareAccessException.Reason}.
 *
 * <p>Logs {@code OCM-0560}–{@code OCM-0564}; never a token, a secret or a URL path.
 */
package io.ocmee.access;
