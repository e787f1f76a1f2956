package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.ItSettings;
import io.ocmee.it.support.WildFlyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * README "Identity realms", WildFly OIDC: the EAR on WildFly accepts bearer access tokens of an
 * OpenID provider through the {@code elytron-oidc-client} subsystem ({@code secure-deployment} of
 * the web module {@code ocm-rest.war}), and the token's realm roles {@code ocm-user} / {@code
 * ocm-admin} reach both the web constraints and the EJBs' {@code @RolesAllowed}. The provider is a
 * minimal fake in this JVM on 127.0.0.1 (discovery document and JWKS; tokens are minted here with
 * an RSA key the test generates, in Keycloak's shape: {@code preferred_username}, {@code
 * realm_access.roles}).
 *
 * <p>The OIDC deployment authenticates in a virtual security domain WildFly makes for {@code
 * ocm.ear}; the EJBs reach it only if no security domain is named for them, while the EJB module's
 * {@code jboss-ejb3.xml} names {@code ocm}. Without more, the web layer admits the token and every
 * EJB call is anonymous ({@code WFLYEJB0364 ... is not allowed}, 403); outflowing the virtual
 * domain to the domain behind {@code ocm} does not help either, as that domain's own realm then
 * decides the roles. So the recipe adds a deployment overlay: the same {@code jboss-ejb3.xml}
 * without its security element. Runs in the PostgreSQL + WildFly pass ({@code
 * -Docm.it.wildfly=true}).
 */
@EnabledIf("io.ocmee.it.support.WildFlyServer#enabled")
class WildFlyOidcRealmIT {

    private static final String REALM_PATH = "/realms/corp";
    private static final String CLIENT_ID = "ocm";
    private static final String USER_API = "/api/v1/shares/outgoing";
    private static final String ADMIN_API = "/api/v1/admin/peers";

    /** WildFly's answer to a token it cannot verify (bad signature, expired alike). */
    private static final String INVALID_TOKEN =
            "Bearer error=\"invalid_token\", error_description=\"ELY23051: Invalid bearer token\"";

    private static HttpServer provider;
    private static RSAKey signingKey;
    private static String issuer;
    private static final ConcurrentLinkedQueue<String> providerRequests =
            new ConcurrentLinkedQueue<>();
    private static WildFlyServer wildfly;

    @BeforeAll
    static void startProviderAndWildFly() throws IOException, JOSEException {
        Instant start = Instant.now();
        signingKey = rsaKey();
        provider = startProvider();
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + REALM_PATH;
        Instant providerReady = Instant.now();
        wildfly = WildFlyServer.start("wildfly-oidc", Map.of(), Map.of(), oidcCommands(issuer));
        System.out.printf(
                "WildFlyOidcRealmIT: OpenID provider ready in %d ms at %s; WildFly %s%n",
                Duration.between(start, providerReady).toMillis(), issuer, wildfly.timings());
    }

    @AfterAll
    static void stopWildFlyAndProvider() {
        try {
            if (wildfly != null) {
                wildfly.close();
            }
        } finally {
            System.out.println("WildFlyOidcRealmIT: provider requests " + providerRequests);
            if (provider != null) {
                provider.stop(0);
            }
        }
    }

    @Test
    void anOcmUserTokenUsesTheUserApiButNotTheAdminApi() throws JOSEException {
        String token = token(signingKey, "carol", List.of("ocm-user"), Duration.ofMinutes(5));

        Http.Reply shares = get(USER_API, token);
        assertThat(shares.status()).as(shares.body()).isEqualTo(200);
        assertThat(shares.json().asJsonArray()).isEmpty();

        Http.Reply peers = get(ADMIN_API, token);
        assertThat(peers.status()).as(peers.body()).isEqualTo(403);
    }

    @Test
    void theEjbLayerSeesTheTokenIdentity() throws JOSEException {
        // AccountService (@RolesAllowed("ocm-user")) names the caller from its SessionContext
        String token = token(signingKey, "carol", List.of("ocm-user"), Duration.ofMinutes(5));
        Http.Reply reply = get("/api/v1/me", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject me = reply.json().asJsonObject();
        assertThat(me.getString("user")).isEqualTo("carol");
        assertThat(me.getString("address")).isEqualTo("carol@" + wildfly.authority());

        // InviteService checks that the web layer's caller is the EJB layer's, then records it
        Http.Reply created =
                Http.exchange(
                                "POST",
                                wildfly.url() + "/api/v1/invites",
                                List.<String[]>of(
                                        new String[] {"Authorization", "Bearer " + token},
                                        new String[] {"Content-Type", "application/json"}),
                                "{\"description\": \"from the provider\"}"
                                        .getBytes(StandardCharsets.UTF_8))
                        .asText();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().asJsonObject().getString("id");
        assertThat(wildfly.log()).contains("OCM-0601 Invite " + id + " made by carol,");
    }

    @Test
    void anOcmAdminTokenUsesTheAdminApi() throws JOSEException {
        String token =
                token(signingKey, "dave", List.of("ocm-user", "ocm-admin"), Duration.ofMinutes(5));
        Http.Reply peers = get(ADMIN_API, token);
        assertThat(peers.status()).as(peers.body()).isEqualTo(200);
        assertThat(peers.json().getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
    }

    @Test
    void noTokenIsUnauthorized() {
        Http.BytesReply reply = Http.getWithHeaders(wildfly.url() + USER_API, List.of());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error");
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
        String token = token(stranger, "carol", List.of("ocm-user"), Duration.ofMinutes(5));
        Http.BytesReply reply = bearer(USER_API, token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(INVALID_TOKEN);
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws JOSEException {
        String token = token(signingKey, "carol", List.of("ocm-user"), Duration.ofMinutes(-10));
        Http.BytesReply reply = bearer(USER_API, token);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(INVALID_TOKEN);
    }

    /**
     * The README's recipe ("Identity realms", WildFly OIDC) for the provider at {@code
     * providerUrl}: the EJB module's descriptor without its security domain (an overlay on the
     * deployment {@code ocm.ear}), and the web module of the EAR as a secure deployment of the OIDC
     * subsystem.
     */
    private static List<String> oidcCommands(String providerUrl) throws IOException {
        return List.of(
                "deployment-overlay add --name=ocm-oidc-ejb"
                        + " --content=/ocm-ejb.jar/META-INF/jboss-ejb3.xml="
                        + ejbDescriptorWithoutSecurityDomain()
                        + " --deployments=ocm.ear",
                "/subsystem=elytron-oidc-client/secure-deployment=ocm-rest.war:add(provider-url=\""
                        + providerUrl
                        + "\", client-id="
                        + CLIENT_ID
                        + ", bearer-only=true, principal-attribute=preferred_username,"
                        + " ssl-required=NONE)");
    }

    /**
     * The EJB module's {@code jboss-ejb3.xml} without its {@code <s:security>} element, so that its
     * beans run in the deployment's virtual OIDC security domain.
     */
    private static Path ejbDescriptorWithoutSecurityDomain() throws IOException {
        String descriptor =
                Files.readString(
                        ItSettings.projectDir()
                                .resolve("ocm-ejb/src/main/resources/META-INF/jboss-ejb3.xml"));
        String security =
                descriptor.substring(
                        descriptor.indexOf("<s:security>"),
                        descriptor.indexOf("</s:security>") + "</s:security>".length());
        assertThat(security).contains("<s:security-domain>ocm</s:security-domain>");
        Path file = Files.createTempFile(ItSettings.workDir(), "jboss-ejb3-oidc", ".xml");
        Files.writeString(file, descriptor.replace(security, ""));
        return file;
    }

    /** A signed access token in Keycloak's shape, valid from a minute ago for {@code life}. */
    private static String token(RSAKey key, String user, List<String> roles, Duration life)
            throws JOSEException {
        Instant now = Instant.now();
        Instant issued = life.isNegative() ? now.plus(life).minusSeconds(60) : now.minusSeconds(5);
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(
                                UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8))
                                        .toString())
                        .audience(CLIENT_ID)
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(now.plus(life)))
                        .jwtID(UUID.randomUUID().toString())
                        .claim("typ", "Bearer")
                        .claim("azp", CLIENT_ID)
                        .claim("preferred_username", user)
                        .claim("realm_access", Map.of("roles", roles))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(JOSEObjectType.JWT)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey() throws JOSEException {
        // WildFly reads only keys marked for signatures ("use": "sig") from the key set
        return new RSAKeyGenerator(2048)
                .keyID("corp-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    /**
     * The provider's discovery document and key set on 127.0.0.1; the other endpoints it names
     * answer 400, as bearer-only deployments never call them.
     */
    private static HttpServer startProvider() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    providerRequests.add(exchange.getRequestMethod() + " " + path);
                    if (path.equals(REALM_PATH + "/.well-known/openid-configuration")) {
                        respond(exchange, 200, discovery());
                    } else if (path.equals(REALM_PATH + "/protocol/openid-connect/certs")) {
                        respond(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
                    } else {
                        respond(exchange, 400, "{\"error\":\"invalid_request\"}");
                    }
                });
        server.start();
        return server;
    }

    private static String discovery() {
        String endpoints = issuer + "/protocol/openid-connect";
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", endpoints + "/auth")
                .add("token_endpoint", endpoints + "/token")
                .add("userinfo_endpoint", endpoints + "/userinfo")
                .add("end_session_endpoint", endpoints + "/logout")
                .add("jwks_uri", endpoints + "/certs")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add(
                        "id_token_signing_alg_values_supported",
                        Json.createArrayBuilder().add("RS256"))
                .build()
                .toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Http.Reply get(String path, String token) {
        return bearer(path, token).asText();
    }

    private static Http.BytesReply bearer(String path, String token) {
        return Http.getWithHeaders(
                wildfly.url() + path,
                List.<String[]>of(new String[] {"Authorization", "Bearer " + token}));
    }
}
