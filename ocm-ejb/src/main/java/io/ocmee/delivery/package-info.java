/**
 * Everything this server sends to other OCM servers goes through here. {@link
 * io.ocmee.delivery.Peers} owns the one outbound HTTP client ({@link
 * io.ocmee.delivery.http.PeerHttpClient}, with its address policy) and the cached directory of
 * peers' discovery documents.
 */
package io.ocmee.delivery;
