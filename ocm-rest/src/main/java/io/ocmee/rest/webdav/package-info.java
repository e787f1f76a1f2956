/**
 * The WebDAV endpoint at {@code /ocm/webdav/<providerId>[/<path>]} through which receiving servers
 * reach the resources of our outgoing shares (OCM-NOTES §8). Thin: {@link
 * io.ocmee.rest.webdav.WebdavResource} maps HTTP to {@link io.ocmee.webdav.WebdavService}; {@link
 * io.ocmee.rest.webdav.DavErrorMapper} answers refusals as plain text (or a {@code DAV:error}
 * body), never as HTML. Peers authenticate with the share's token or secret in {@code
 * Authorization}; the container's own login is not involved (web.xml protects only {@code /api}).
 */
package io.ocmee.rest.webdav;
