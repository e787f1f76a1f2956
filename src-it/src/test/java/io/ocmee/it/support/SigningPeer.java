package io.ocmee.it.support;

import com.nimbusds.jose.jwk.JWK;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocmee.signature.jwk.PemKeys;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted OCM peer on 127.0.0.1 inside the test JVM: it serves a discovery document and a JWK
 * Set that the test controls, so that a test can sign requests as that peer. Counts how often its
 * JWK Set is fetched.
 */
public final class SigningPeer implements AutoCloseable {

    private final HttpServer server;
    private final boolean httpSig;
    private final List<JWK> jwks = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile String cavageKeyId;
    private volatile PublicKey cavageKey;

    private SigningPeer(boolean httpSig, int port) {
        this.httpSig = httpSig;
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/ocm", this::discovery);
        server.createContext("/ocm/jwks", this::jwkSet);
        server.start();
    }

    /**
     * @return a peer that advertises {@code http-sig} and serves a JWK Set
     */
    public static SigningPeer signing() {
        return new SigningPeer(true, 0);
    }

    /**
     * @param port a free loopback port, e.g. from {@link FakePeer#freePort()}, for a peer whose
     *     authority must be known before it starts (to name it in a server's settings)
     * @return a peer that advertises {@code http-sig} on that port
     */
    public static SigningPeer signingOn(int port) {
        return new SigningPeer(true, port);
    }

    /**
     * @return a peer without {@code http-sig} (legacy; may publish a cavage key)
     */
    public static SigningPeer legacy() {
        return new SigningPeer(false, 0);
    }

    /**
     * @return {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + server.getAddress().getPort();
    }

    /**
     * @param keys the JWK Set to serve from now on (public keys with kid and alg)
     */
    public void publish(JWK... keys) {
        jwks.clear();
        jwks.addAll(List.of(keys));
    }

    /**
     * @param keyId the discovery {@code publicKey.keyId}
     * @param key the RSA public key to advertise
     */
    public void publishCavageKey(String keyId, PublicKey key) {
        this.cavageKeyId = keyId;
        this.cavageKey = key;
    }

    /**
     * @return how many times the JWK Set was fetched
     */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = "http://" + authority();
        JsonArrayBuilder capabilities = Json.createArrayBuilder().add("notifications");
        JsonObjectBuilder doc =
                Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("apiVersion", httpSig ? "1.5.0" : "1.1.0")
                        .add("endPoint", base + "/ocm")
                        .add(
                                "resourceTypes",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("name", "file")
                                                        .add(
                                                                "shareTypes",
                                                                Json.createArrayBuilder()
                                                                        .add("user"))
                                                        .add(
                                                                "protocols",
                                                                Json.createObjectBuilder()
                                                                        .add("webdav", "/dav/"))));
        if (httpSig) {
            capabilities.add("http-sig");
            doc.add("jwksUri", base + "/ocm/jwks");
        }
        if (cavageKey != null) {
            doc.add(
                    "publicKey",
                    Json.createObjectBuilder()
                            .add("keyId", cavageKeyId)
                            .add("publicKeyPem", PemKeys.encode(cavageKey)));
        }
        doc.add("capabilities", capabilities);
        respond(exchange, doc.build().toString());
    }

    private void jwkSet(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (JWK key : jwks) {
            keys.add(Json.createReader(new java.io.StringReader(key.toJSONString())).readObject());
        }
        respond(exchange, Json.createObjectBuilder().add("keys", keys).build().toString());
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
