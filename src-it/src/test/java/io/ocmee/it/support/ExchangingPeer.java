package io.ocmee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocmee.signature.OcmRequestSigner;
import io.ocmee.signature.SigningKey;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.message.HeaderFields;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A receiving OCM server on 127.0.0.1 for tests of the sending side's resource access: it
 * advertises {@code exchange-token}, {@code http-sig} and a JWK Set with its own Ed25519 key,
 * accepts (201) and records every share creation notification and notification, and signs token
 * requests as itself. Thread-safe; close it after the test.
 */
public final class ExchangingPeer implements AutoCloseable {

    private final HttpServer server;
    private final GeneratedKey key;
    private final BlockingQueue<String> shares = new LinkedBlockingQueue<>();

    private ExchangingPeer() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        key = OcmKeys.generate(SignatureAlgorithm.ED25519, "http://" + authority() + "/ocm#k1");
        server.createContext("/.well-known/ocm", this::discovery);
        server.createContext("/ocm/jwks", this::jwks);
        server.createContext("/ocm/", this::record);
        server.start();
    }

    /**
     * @return a running peer
     */
    public static ExchangingPeer start() {
        return new ExchangingPeer();
    }

    /**
     * @return {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + server.getAddress().getPort();
    }

    /**
     * @param timeout how long to wait
     * @return the next share creation notification received, as JSON
     */
    public JsonObject nextShare(Duration timeout) {
        try {
            String body = shares.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (body == null) {
                throw new AssertionError("no share reached " + authority() + " in " + timeout);
            }
            return Json.createReader(new StringReader(body)).readObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * POSTs a form to a token endpoint, signed as this peer (RFC 9421, {@code tag="ocm"}).
     *
     * @param tokenEndPoint the public URL of the endpoint (the signed {@code @target-uri})
     * @param form the form body
     * @return the response
     */
    public Http.Reply signedForm(String tokenEndPoint, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SigningKey signing =
                new SigningKey(
                        key.keyPair().getPrivate(), key.publicJwk().getKeyID(), key.algorithm());
        HeaderFields signed =
                new OcmRequestSigner(signing, Clock.systemUTC())
                        .sign("POST", URI.create(tokenEndPoint), body);
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        for (HeaderFields.FieldLine line : signed.lines()) {
            boolean setByClient =
                    line.name().equalsIgnoreCase("Content-Length")
                            || line.name().equalsIgnoreCase("Host");
            if (!setByClient) {
                headers.add(new String[] {line.name(), line.value()});
            }
        }
        return Http.post(tokenEndPoint, headers, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = "http://" + authority();
        JsonObjectBuilder doc =
                Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("apiVersion", "1.5.0")
                        .add("endPoint", base + "/ocm")
                        .add("provider", "Exchanging fake")
                        .add(
                                "resourceTypes",
                                Json.createArrayBuilder()
                                        .add(resourceType("file"))
                                        .add(resourceType("folder")))
                        .add(
                                "capabilities",
                                Json.createArrayBuilder()
                                        .add("exchange-token")
                                        .add("http-sig")
                                        .add("notifications"))
                        .add("jwksUri", base + "/ocm/jwks")
                        .add("tokenEndPoint", base + "/ocm/token");
        respond(exchange, 200, doc.build().toString());
    }

    private static JsonObjectBuilder resourceType(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("shareTypes", Json.createArrayBuilder().add("user"))
                .add(
                        "protocols",
                        Json.createObjectBuilder()
                                .add("webdav", "/dav/")
                                .add(
                                        "webdav-receive",
                                        Json.createObjectBuilder().add("uri", "absolute")));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        JsonArrayBuilder keys =
                Json.createArrayBuilder()
                        .add(
                                Json.createReader(new StringReader(key.publicJwk().toJSONString()))
                                        .readObject());
        respond(exchange, 200, Json.createObjectBuilder().add("keys", keys).build().toString());
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean share = exchange.getRequestURI().getPath().equals("/ocm/shares");
        if (share) {
            shares.add(new String(body, StandardCharsets.UTF_8));
        }
        respond(exchange, 201, share ? "{\"recipientDisplayName\":\"Fake Bob\"}" : "{}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
