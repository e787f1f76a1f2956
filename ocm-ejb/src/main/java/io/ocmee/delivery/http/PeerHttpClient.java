package io.ocmee.delivery.http;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.IpLiterals;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one HTTP client for calls to OCM peers (house style §12).
 *
 * <p>Every call goes through the same steps: check the scheme ({@code https}, or {@code http} when
 * {@link PeerHttpSettings#allowHttp()}); check the host's syntax; resolve it with the {@link
 * HostResolver} (IP literals are used as they are) and refuse the call if <em>any</em> resolved
 * address is refused by the {@link AddressPolicy}; send; collect the body up to {@link
 * PeerHttpSettings#maxResponseBytes()}; follow a redirect only to the same scheme, host and port,
 * re-checking its addresses. The whole exchange, redirects included, must finish within {@link
 * PeerHttpSettings#requestTimeout()}.
 *
 * <p>Any final status is returned, 4xx and 5xx included, because peers explain rejections in the
 * body; use {@link PeerHttpResponse#requireSuccess()} to demand a 2xx. Redirects of a POST are
 * followed only for 307 and 308 (method and body kept); 301, 302 and 303 would turn it into a GET
 * and are refused. A signed request that is redirected is re-sent with the same headers, so its
 * signature will usually not verify at the new target.
 *
 * <p>Signing is not done here: {@link #post(URI, Map, byte[])} sends the headers the caller
 * prepared. The client uses HTTP/1.1, never a proxy, and the JDK's default TLS trust.
 *
 * <p><b>Known gap (time-of-check/time-of-use):</b> the addresses are checked after resolving the
 * name here, but {@link HttpClient} resolves the name again when it connects. A peer controlling
 * its DNS can answer a public address to the check and a private one to the connection (DNS
 * rebinding). Closing this needs a connection-level hook the JDK client does not offer (pinning the
 * checked address while keeping the name for TLS SNI and certificate checks).
 *
 * <p>Thread-safe; build one per settings and share it.
 */
public final class PeerHttpClient {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final PeerHttpSettings settings;
    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final HttpClient client;

    /**
     * Builds a client resolving names with {@link HostResolver#system()}.
     *
     * @param settings limits and permissions
     */
    public PeerHttpClient(PeerHttpSettings settings) {
        this(settings, HostResolver.system());
    }

    /**
     * @param settings limits and permissions
     * @param resolver resolves names before the address check
     */
    public PeerHttpClient(PeerHttpSettings settings, HostResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = settings.addressPolicy();
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /**
     * @return the settings this client was built with
     */
    public PeerHttpSettings settings() {
        return settings;
    }

    /**
     * Sends a GET.
     *
     * @param uri absolute {@code https} (or allowed {@code http}) URI with a host and no user info
     * @param headers request headers, in order; may be empty
     * @return the final response, whatever its status
     * @throws PeerHttpException on any failure listed in {@link Kind} except {@code HTTP_STATUS}
     * @throws IllegalArgumentException if {@code uri} is not absolute, has no host or has user
     *     info, or a header is one the HTTP client sets itself ({@code Host}, {@code Connection} …)
     */
    public PeerHttpResponse get(URI uri, Map<String, String> headers) {
        return exchange(new Call("GET", uri, headers, null));
    }

    /**
     * Sends a POST with the headers the caller prepared (for example by the request signer).
     *
     * @param uri absolute {@code https} (or allowed {@code http}) URI with a host and no user info
     * @param headers request headers, in order, including {@code Content-Type}; a {@code
     *     Content-Length} is accepted only if it equals {@code body.length} (the client sends it)
     * @param body the request body, sent as is
     * @return the final response, whatever its status
     * @throws PeerHttpException on any failure listed in {@link Kind} except {@code HTTP_STATUS}
     * @throws IllegalArgumentException as for {@link #get(URI, Map)}, or if a {@code
     *     Content-Length} header disagrees with the body
     */
    public PeerHttpResponse post(URI uri, Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(body, "body");
        return exchange(new Call("POST", uri, headers, body.clone()));
    }

    /**
     * Sends a request with any method (for example WebDAV {@code PROPFIND}) and collects the
     * response within the size cap, like {@link #post}. A redirect keeps the method and body; for
     * {@code POST} only 307 and 308 are followed.
     *
     * @param method the request method, an HTTP token such as {@code PROPFIND}
     * @param uri absolute {@code https} (or allowed {@code http}) URI with a host and no user info
     * @param headers request headers, in order
     * @param body the request body, or {@code null} for none
     * @return the final response, whatever its status
     * @throws PeerHttpException on any failure listed in {@link Kind} except {@code HTTP_STATUS}
     * @throws IllegalArgumentException as for {@link #post}, or if {@code method} is not a token
     */
    public PeerHttpResponse send(String method, URI uri, Map<String, String> headers, byte[] body) {
        return exchange(
                new Call(checkMethod(method), uri, headers, body == null ? null : body.clone()));
    }

    /**
     * Sends a request and hands back the response body as a stream instead of collecting it, for
     * content of any size (downloads, uploads). The address policy, scheme check and connect
     * timeout apply as for every call; the response <em>headers</em> must arrive within the request
     * timeout, and afterwards each read of the body fails with an {@link java.io.IOException} when
     * no data came for that long (an idle timeout: the whole download has no time limit). The body
     * is not capped: the caller decides how much to read.
     *
     * <p>Redirects (same authority only) are followed for requests without an upload; a request
     * with an upload gets the redirect answer itself, because its stream cannot be sent twice.
     *
     * @param method the request method, e.g. {@code GET} or {@code PUT}
     * @param uri absolute {@code https} (or allowed {@code http}) URI with a host and no user info
     * @param headers request headers, in order; no {@code Content-Length} (see {@link Upload})
     * @param upload the request body as a stream, or {@code null} for none
     * @return the open response; the caller must close it
     * @throws PeerHttpException on any failure listed in {@link Kind} except {@code HTTP_STATUS}
     * @throws IllegalArgumentException as for {@link #send}
     */
    public PeerHttpStream stream(
            String method, URI uri, Map<String, String> headers, Upload upload) {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        Call call = new Call(checkMethod(method), uri, headers, null);
        for (int redirects = 0; ; redirects++) {
            checkTarget(call.uri());
            PeerHttpStream response = sendStreaming(call, upload, deadline);
            Optional<URI> location =
                    upload == null
                            ? redirectLocation(
                                    response.uri(),
                                    response.status(),
                                    response.firstHeader("Location"))
                            : Optional.empty();
            if (location.isEmpty()) {
                return response;
            }
            response.close();
            call = followRedirect(call, response.status(), location.get(), redirects);
        }
    }

    /**
     * A request body read from a stream while it is sent.
     *
     * @param body the bytes to send; read once, never closed by the client
     * @param length how many bytes it has, sent as {@code Content-Length}; -1 if unknown (sent
     *     chunked)
     */
    public record Upload(java.io.InputStream body, long length) {

        /**
         * @throws NullPointerException if {@code body} is {@code null}
         * @throws IllegalArgumentException if {@code length} is below -1
         */
        public Upload {
            Objects.requireNonNull(body, "body");
            if (length < -1) {
                throw new IllegalArgumentException("length rejected: " + length);
            }
        }

        HttpRequest.BodyPublisher publisher() {
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> body);
            return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
        }
    }

    /**
     * @param uri any absolute URI
     * @return {@code scheme://host[:port]}, safe for messages (no user info, path or query)
     */
    static String authorityOf(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + host + port;
    }

    private PeerHttpResponse exchange(Call first) {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        Call call = first;
        for (int redirects = 0; ; redirects++) {
            checkTarget(call.uri());
            PeerHttpResponse response = send(call, deadline);
            Optional<URI> location = redirectLocation(response);
            if (location.isEmpty()) {
                return response;
            }
            call = followRedirect(call, response.status(), location.get(), redirects);
        }
    }

    private void checkTarget(URI uri) {
        checkUriShape(uri);
        checkScheme(uri);
        for (InetAddress address : addressesOf(uri)) {
            Optional<AddressPolicy.Category> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new PeerHttpException(
                        Kind.ADDRESS_REFUSED,
                        authorityOf(uri),
                        "Request to "
                                + authorityOf(uri)
                                + " rejected: it resolves to "
                                + address.getHostAddress()
                                + ", a "
                                + refusal.get().name().toLowerCase(Locale.ROOT)
                                + " address",
                        null);
            }
        }
    }

    private static void checkUriShape(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("URI rejected: it must be absolute with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URI rejected: user info is not allowed");
        }
    }

    private void checkScheme(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && settings.allowHttp())) {
            return;
        }
        String hint = scheme.equals("http") ? "; plain http is not allowed" : "";
        throw new PeerHttpException(
                Kind.SCHEME_REFUSED,
                authorityOf(uri),
                "Request to " + authorityOf(uri) + " rejected: scheme '" + scheme + "'" + hint,
                null);
    }

    private List<InetAddress> addressesOf(URI uri) {
        String host = validHost(uri);
        Optional<byte[]> literal =
                host.startsWith("[")
                        ? IpLiterals.parseIpv6(host.substring(1, host.length() - 1))
                        : IpLiterals.parseIpv4(host);
        try {
            if (literal.isPresent()) {
                return List.of(InetAddress.getByAddress(literal.get()));
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException("no addresses");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new PeerHttpException(
                    Kind.CONNECT_FAILED,
                    authorityOf(uri),
                    "Request to " + authorityOf(uri) + " failed: host name does not resolve",
                    e);
        }
    }

    private static String validHost(URI uri) {
        try {
            return ProviderHost.parse(uri.getHost()).host();
        } catch (InvalidOcmAddressException e) {
            throw new PeerHttpException(
                    Kind.ADDRESS_REFUSED,
                    authorityOf(uri),
                    "Request to " + authorityOf(uri) + " rejected: host is not a valid name or IP",
                    e);
        }
    }

    private PeerHttpResponse send(Call call, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(call.uri(), null);
        }
        HttpRequest request = call.toRequest(Duration.ofNanos(remaining));
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, this::bodySubscriber);
        try {
            HttpResponse<byte[]> response = future.get(remaining, TimeUnit.NANOSECONDS);
            return new PeerHttpResponse(
                    call.uri(), response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(call.uri(), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PeerHttpException(
                    Kind.IO_FAILED,
                    authorityOf(call.uri()),
                    "Request to " + authorityOf(call.uri()) + " failed: interrupted",
                    e);
        } catch (ExecutionException e) {
            throw translate(call.uri(), e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return new CappedBodySubscriber(settings.maxResponseBytes(), declared);
    }

    private PeerHttpException timeout(URI uri, Throwable cause) {
        return new PeerHttpException(
                Kind.TIMEOUT,
                authorityOf(uri),
                "Request to "
                        + authorityOf(uri)
                        + " failed: no complete response within "
                        + settings.requestTimeout().toMillis()
                        + " ms",
                cause);
    }

    private PeerHttpException translate(URI uri, Throwable failure) {
        String authority = authorityOf(uri);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBodySubscriber.TooLargeException) {
                return new PeerHttpException(
                        Kind.TOO_LARGE,
                        authority,
                        "Response from "
                                + authority
                                + " rejected: body exceeds "
                                + settings.maxResponseBytes()
                                + " bytes",
                        failure);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new PeerHttpException(
                        Kind.TIMEOUT,
                        authority,
                        "Request to "
                                + authority
                                + " failed: no connection within "
                                + settings.connectTimeout().toMillis()
                                + " ms",
                        failure);
            }
            if (t instanceof HttpTimeoutException) {
                return timeout(uri, failure);
            }
            if (t instanceof ConnectException) {
                return new PeerHttpException(
                        Kind.CONNECT_FAILED,
                        authority,
                        "Request to " + authority + " failed: connection refused or unreachable",
                        failure);
            }
            if (t instanceof SSLException) {
                return new PeerHttpException(
                        Kind.CONNECT_FAILED,
                        authority,
                        "Request to " + authority + " failed: TLS handshake failed",
                        failure);
            }
        }
        String what = failure instanceof IOException ? "I/O error" : "unexpected error";
        return new PeerHttpException(
                Kind.IO_FAILED,
                authority,
                "Request to " + authority + " failed: " + what + " during the exchange",
                failure);
    }

    private static Optional<URI> redirectLocation(PeerHttpResponse response) {
        return redirectLocation(
                response.uri(), response.status(), response.firstHeader("Location"));
    }

    private static Optional<URI> redirectLocation(URI from, int status, Optional<String> location) {
        if (!REDIRECTS.contains(status)) {
            return Optional.empty();
        }
        return location.map(value -> resolve(from, value));
    }

    private static String checkMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (!method.matches("[A-Z][A-Z-]{0,31}")) {
            throw new IllegalArgumentException("method rejected: '" + method + "' is no method");
        }
        return method;
    }

    private PeerHttpStream sendStreaming(Call call, Upload upload, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(call.uri(), null);
        }
        HttpRequest request =
                call.toRequest(
                        Duration.ofNanos(remaining), upload == null ? null : upload.publisher());
        CompletableFuture<HttpResponse<java.io.InputStream>> future =
                client.sendAsync(
                        request,
                        info ->
                                new StreamingBodySubscriber(
                                        settings.requestTimeout(), authorityOf(call.uri())));
        try {
            HttpResponse<java.io.InputStream> response =
                    future.get(remaining, TimeUnit.NANOSECONDS);
            return new PeerHttpStream(
                    call.uri(), response.statusCode(), response.headers().map(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(call.uri(), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PeerHttpException(
                    Kind.IO_FAILED,
                    authorityOf(call.uri()),
                    "Request to " + authorityOf(call.uri()) + " failed: interrupted",
                    e);
        } catch (ExecutionException e) {
            throw translate(call.uri(), e.getCause());
        }
    }

    private static URI resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location.strip()));
        } catch (Exception e) {
            throw new PeerHttpException(
                    Kind.REDIRECT_REFUSED,
                    authorityOf(base),
                    "Redirect from " + authorityOf(base) + " rejected: Location is not a valid URI",
                    e);
        }
    }

    private Call followRedirect(Call call, int status, URI target, int redirectsSoFar) {
        String from = authorityOf(call.uri());
        if (redirectsSoFar >= settings.maxRedirects()) {
            throw redirectRefused(from, "more than " + settings.maxRedirects() + " redirects");
        }
        if (!sameAuthority(call.uri(), target) || target.getRawUserInfo() != null) {
            throw redirectRefused(from, "it leads to another authority, " + authorityOf(target));
        }
        if (call.method().equals("POST") && status != 307 && status != 308) {
            throw redirectRefused(from, "status " + status + " would turn the POST into a GET");
        }
        return new Call(call.method(), target, call.headers(), call.body());
    }

    private static PeerHttpException redirectRefused(String from, String reason) {
        return new PeerHttpException(
                Kind.REDIRECT_REFUSED,
                from,
                "Redirect from " + from + " rejected: " + reason,
                null);
    }

    private static boolean sameAuthority(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** One request as the caller described it; re-sent unchanged on a followed redirect. */
    private record Call(String method, URI uri, Map<String, String> headers, byte[] body) {

        Call {
            headers =
                    Collections.unmodifiableMap(
                            new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        }

        HttpRequest toRequest(Duration timeout) {
            return toRequest(
                    timeout, body == null ? null : HttpRequest.BodyPublishers.ofByteArray(body));
        }

        HttpRequest toRequest(Duration timeout, HttpRequest.BodyPublisher publisher) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
            headers.forEach((name, value) -> addHeader(builder, name, value));
            if (publisher == null) {
                return method.equals("GET")
                        ? builder.GET().build()
                        : builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            }
            return builder.method(method, publisher).build();
        }

        private void addHeader(HttpRequest.Builder builder, String name, String value) {
            if (name.equalsIgnoreCase("Content-Length")) {
                if (body == null || !value.strip().equals(Integer.toString(body.length))) {
                    throw new IllegalArgumentException(
                            "header 'Content-Length' rejected: it must equal the body length");
                }
                return;
            }
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "header '" + name + "' rejected: the HTTP client sets it or it is invalid",
                        e);
            }
        }
    }
}
