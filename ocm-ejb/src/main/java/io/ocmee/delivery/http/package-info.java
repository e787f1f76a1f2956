/**
 * The one outbound HTTP client for everything this server sends to OCM peers (house style §12):
 * discovery, JWKS, share and notification delivery, invite acceptance, token exchange.
 *
 * <p>{@link io.ocmee.delivery.http.PeerHttpClient} wraps {@link java.net.http.HttpClient} with
 * connect and request timeouts, a response-size cap, same-authority redirects only, and an {@link
 * io.ocmee.delivery.http.AddressPolicy} applied to every resolved address of the target before
 * connecting (a guard against server-side request forgery: peers choose the URLs we fetch).
 * Settings live in {@link io.ocmee.delivery.http.PeerHttpSettings}; name resolution is pluggable
 * through {@link io.ocmee.delivery.http.HostResolver}; every failure is a {@link
 * io.ocmee.delivery.http.PeerHttpException} with a {@link
 * io.ocmee.delivery.http.PeerHttpException.Kind}.
 *
 * <p>Request signing is not done here: callers (the signer) prepare the headers and pass them in.
 * Plain Java, no Jakarta imports, no logging: failures are reported through exceptions whose
 * messages name the target's authority but never its path or query, which may carry secrets.
 */
package io.ocmee.delivery.http;
