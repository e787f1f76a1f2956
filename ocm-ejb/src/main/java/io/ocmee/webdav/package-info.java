/**
 * The sending side's WebDAV endpoint for shared resources (OCM-NOTES §8, RFC 4918 class 1 without
 * locks): {@link io.ocmee.webdav.WebdavService} authorises each request through {@link
 * io.ocmee.share.ShareAccessService}, resolves the path inside the share ({@link
 * io.ocmee.webdav.SharePaths}) and acts in the owner's space through the host's {@link
 * io.ocmee.spi.ResourceStorage} only. {@link io.ocmee.webdav.Multistatus} writes PROPFIND answers,
 * {@link io.ocmee.webdav.ByteRanges} reads {@code Range} fields. Refusals are {@link
 * io.ocmee.webdav.DavException}s carrying their HTTP status.
 */
package io.ocmee.webdav;
