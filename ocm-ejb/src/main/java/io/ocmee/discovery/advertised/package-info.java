/**
 * This server's own discovery document (OCM-NOTES §2.3), served at {@code /.well-known/ocm} and,
 * for legacy consumers, at {@code /ocm-provider}. {@link
 * io.ocmee.discovery.advertised.DiscoveryDocumentService} builds it from the settings, listing only
 * the capabilities and criteria that the module really implements.
 */
package io.ocmee.discovery.advertised;
