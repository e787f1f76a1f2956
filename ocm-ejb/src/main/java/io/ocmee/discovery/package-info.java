/**
 * Consuming peers' OCM API Discovery (OCM spec "OCM API Discovery"; notes §2, §11 Q1–Q3, Q28–Q31).
 *
 * <p>{@link io.ocmee.discovery.DiscoveryClient} fetches a peer's discovery document from {@code
 * /.well-known/ocm}, falling back to the legacy {@code /ocm-provider/}, through the shared {@link
 * io.ocmee.delivery.http.PeerHttpClient}. {@link io.ocmee.discovery.DiscoveryDocumentParser} turns
 * what real peers publish into one normalised model, {@link io.ocmee.discovery.PeerDiscovery} (with
 * {@link io.ocmee.discovery.ResourceType}, {@link io.ocmee.discovery.ReceiveProtocol}, {@link
 * io.ocmee.discovery.LegacyPublicKey} and {@link io.ocmee.discovery.Dialect}), tolerating legacy
 * spellings and layouts. {@link io.ocmee.discovery.PeerDirectory} caches results per provider with
 * TTLs and makes concurrent lookups of one provider share a single fetch. Every failure is a {@link
 * io.ocmee.discovery.DiscoveryException} with a {@link io.ocmee.discovery.DiscoveryException.Kind}.
 */
package io.ocmee.discovery;
