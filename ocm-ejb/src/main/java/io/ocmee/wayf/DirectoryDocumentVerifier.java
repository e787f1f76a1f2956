package io.ocmee.wayf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.ocmee.address.ProviderHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies Directory Service documents (OCM-NOTES §9.5, checklist 125): a compact JWS whose payload
 * is {@code {"federation", "servers": [{"url", "displayName"}]}}, signed with a key known in
 * advance ("available offline"), here a configured JWK Set.
 *
 * <p>Steps: parse the JWS → refuse an algorithm other than RSA (RS/PS) or ECDSA (ES), which rules
 * out {@code none} and HMAC → select the configured keys by {@code kid} (all keys when the header
 * has none) → verify → read the payload → keep the server entries whose {@code url} has a scheme
 * ({@code https}, or {@code http} when allowed for testing), a host and at most a port, and no
 * path, user info, query or fragment. Invalid entries are counted and left out rather than failing
 * the whole directory; a document that fails any earlier step is refused whole.
 *
 * <p>Known gap: Ed25519 ({@code EdDSA}) signatures are not verified, because Nimbus needs Google
 * Tink for them, which this module does not ship; such documents are refused as unverifiable.
 *
 * <p>Immutable and thread-safe.
 */
public final class DirectoryDocumentVerifier {

    /** Entries beyond this many are ignored: a directory is a short list for a person to read. */
    public static final int MAX_SERVERS = 500;

    private static final int MAX_DISPLAY_NAME = 200;

    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(
                    JWSAlgorithm.RS256,
                    JWSAlgorithm.RS384,
                    JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256,
                    JWSAlgorithm.PS384,
                    JWSAlgorithm.PS512,
                    JWSAlgorithm.ES256,
                    JWSAlgorithm.ES384,
                    JWSAlgorithm.ES512);

    private final JWKSet keys;
    private final boolean allowHttp;

    /**
     * @param keys the public keys that may sign directory documents
     * @param allowHttp whether {@code http://} server URLs are accepted (testing setups only)
     */
    public DirectoryDocumentVerifier(JWKSet keys, boolean allowHttp) {
        this.keys = Objects.requireNonNull(keys, "keys").toPublicJWKSet();
        this.allowHttp = allowHttp;
    }

    /**
     * @param source where the document was fetched, recorded in the listing
     * @param document the response body, a compact JWS
     * @return the verified listing
     * @throws DirectoryDocumentException if the document is not a JWS, its algorithm is refused, no
     *     configured key verifies it, or its payload is not a directory
     */
    public DirectoryListing verify(URI source, String document) {
        JWSObject jws = parse(document);
        checkAlgorithm(jws.getHeader().getAlgorithm());
        verifySignature(jws);
        return listing(source, jws.getPayload().toJSONObject());
    }

    private static JWSObject parse(String document) {
        try {
            return JWSObject.parse(Objects.requireNonNull(document, "document").strip());
        } catch (ParseException e) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: it is not a compact JWS", e);
        }
    }

    private static void checkAlgorithm(JWSAlgorithm algorithm) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: signature algorithm "
                            + algorithm
                            + " is not accepted (RS*, PS* or ES* only)");
        }
    }

    private void verifySignature(JWSObject jws) {
        String kid = jws.getHeader().getKeyID();
        List<JWK> candidates =
                keys.getKeys().stream()
                        .filter(key -> kid == null || kid.equals(key.getKeyID()))
                        .toList();
        if (candidates.isEmpty()) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: no configured key has the key id it names");
        }
        for (JWK key : candidates) {
            if (verifiesWith(jws, key)) {
                return;
            }
        }
        throw new DirectoryDocumentException(
                "Directory document rejected: its signature does not verify with the configured"
                        + " keys");
    }

    private static boolean verifiesWith(JWSObject jws, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg(jws))) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg(jws))) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static JWSAlgorithm alg(JWSObject jws) {
        return jws.getHeader().getAlgorithm();
    }

    private DirectoryListing listing(URI source, Map<String, Object> payload) {
        if (payload == null) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: its payload is not a JSON object");
        }
        if (!(payload.get("federation") instanceof String federation)) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: federation is missing or not a string");
        }
        if (!(payload.get("servers") instanceof List<?> entries)) {
            throw new DirectoryDocumentException(
                    "Directory document rejected: servers is missing or not a list");
        }
        List<DirectoryServer> servers = new ArrayList<>();
        int skipped = 0;
        for (Object entry : entries) {
            if (servers.size() + skipped >= MAX_SERVERS) {
                skipped += entries.size() - MAX_SERVERS;
                break;
            }
            DirectoryServer server = server(entry);
            if (server == null) {
                skipped++;
            } else {
                servers.add(server);
            }
        }
        return new DirectoryListing(source, printable(federation), servers, skipped);
    }

    private DirectoryServer server(Object entry) {
        if (!(entry instanceof Map<?, ?> fields) || !(fields.get("url") instanceof String url)) {
            return null;
        }
        URI uri = serverUrl(url);
        if (uri == null) {
            return null;
        }
        String name =
                fields.get("displayName") instanceof String text && !printable(text).isBlank()
                        ? printable(text)
                        : uri.getRawAuthority();
        return new DirectoryServer(uri, name);
    }

    /**
     * @return the URL as {@code scheme://host[:port]}, or {@code null} if it breaks Appendix C
     */
    private URI serverUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        boolean schemeOk = "https".equals(scheme) || ("http".equals(scheme) && allowHttp);
        String path = uri.getRawPath();
        if (!schemeOk
                || uri.getRawAuthority() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            return null;
        }
        try {
            ProviderHost host = ProviderHost.parse(uri.getRawAuthority());
            return URI.create(scheme + "://" + host.authority());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Control characters dropped, length capped: the name is shown to people. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(MAX_DISPLAY_NAME)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
