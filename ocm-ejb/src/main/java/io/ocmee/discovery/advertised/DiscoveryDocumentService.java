package io.ocmee.discovery.advertised;

import io.ocmee.keys.ServerKeyService;
import io.ocmee.settings.OcmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * Builds this server's discovery document.
 *
 * <p>Two views exist. The modern one, at {@code /.well-known/ocm}, advertises {@link
 * OcmSettings#API_VERSION}. The legacy one, at {@code /ocm-provider}, exists only for consumers
 * that predate {@code /.well-known/ocm} (Nextcloud up to 32, ownCloud 10: OCM-NOTES §11 Q1), which
 * read nothing else and refuse any {@code apiVersion} other than 1.0 or 1.1. It carries the same
 * endpoints, resource types and capabilities with {@code apiVersion} {@value #LEGACY_API_VERSION}:
 * the endpoints of OCM 1.1 ({@code /shares}, {@code /notifications}, {@code /invite-accepted}) are
 * all served in their 1.1 form, so the statement is true for that path, and modern peers never read
 * it because they find {@code /.well-known/ocm} first. The choice never depends on the User-Agent.
 */
@ApplicationScoped
public class DiscoveryDocumentService {

    /** The {@code apiVersion} of the legacy {@code /ocm-provider} view. */
    public static final String LEGACY_API_VERSION = "1.1.0";

    /** Path, below the public URL, of the OCM API; {@code endPoint} is public URL + this. */
    public static final String OCM_PATH = "/ocm";

    /** The top-level WebDAV path advertised for the {@code webdav} protocol. */
    public static final String WEBDAV_PATH = "/ocm/webdav/";

    /**
     * Path, below the public URL, of the invite acceptance dialog, advertised as an absolute {@code
     * inviteAcceptDialog} (OCM-NOTES §2.3, §11 Q29: deployed peers publish and expect an absolute
     * URL).
     */
    public static final String INVITE_ACCEPT_DIALOG_PATH = "/ocm/accept-invite";

    /** Path, below the public URL, of the WAYF page behind the {@code invite-wayf} capability. */
    public static final String WAYF_PATH = "/ocm/wayf";

    /** Path, below the public URL, of the token endpoint advertised as {@code tokenEndPoint}. */
    public static final String TOKEN_PATH = "/ocm/token";

    /** Path, below the public URL, of the JWK Set advertised as {@code jwksUri}. */
    public static final String JWKS_PATH = "/ocm/jwks";

    @Inject private OcmSettings settings;

    @Inject private ServerKeyService keys;

    /**
     * @return the document of {@code /.well-known/ocm}
     */
    public JsonObject modern() {
        return document(OcmSettings.API_VERSION);
    }

    /**
     * @return the document of {@code /ocm-provider}, see the class comment
     */
    public JsonObject legacy() {
        return document(LEGACY_API_VERSION);
    }

    private JsonObject document(String apiVersion) {
        JsonObjectBuilder doc =
                Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("apiVersion", apiVersion)
                        .add("endPoint", settings.publicBase() + OCM_PATH)
                        .add("provider", settings.providerName())
                        .add("resourceTypes", resourceTypes())
                        .add("capabilities", capabilities())
                        .add("criteria", criteria())
                        .add(
                                "inviteAcceptDialog",
                                settings.publicBase() + INVITE_ACCEPT_DIALOG_PATH)
                        .add("jwksUri", settings.publicBase() + JWKS_PATH)
                        .add("tokenEndPoint", settings.publicBase() + TOKEN_PATH);
        Map<String, String> cavage = keys.cavagePublicKey();
        doc.add(
                "publicKey",
                Json.createObjectBuilder()
                        .add("keyId", cavage.get("keyId"))
                        .add("publicKeyPem", cavage.get("publicKeyPem")));
        return doc.build();
    }

    private JsonArrayBuilder resourceTypes() {
        return Json.createArrayBuilder().add(resourceType("file")).add(resourceType("folder"));
    }

    private JsonObjectBuilder resourceType(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("shareTypes", Json.createArrayBuilder().add("user"))
                .add(
                        "protocols",
                        Json.createObjectBuilder()
                                .add("webdav", WEBDAV_PATH)
                                .add(
                                        "webdav-receive",
                                        Json.createObjectBuilder().add("uri", "absolute")));
    }

    private JsonArrayBuilder capabilities() {
        // Accepting /shares is mandatory and therefore not a capability (OCM-NOTES §2.4).
        // exchange-token: the Code Flow's token endpoint is served at tokenEndPoint (§6).
        return Json.createArrayBuilder()
                .add("exchange-token")
                .add("http-sig")
                .add("invites")
                .add("invite-wayf")
                .add("notifications");
    }

    private JsonArrayBuilder criteria() {
        JsonArrayBuilder criteria = Json.createArrayBuilder();
        if (settings.mustUseHttpSig()) {
            criteria.add("must-use-http-sig");
        }
        if (settings.trustMustInvite()) {
            criteria.add("must-invite");
        }
        if (!settings.trustDeny().isEmpty()) {
            // Some servers are blocked (OCM-NOTES §2.5). The allow list only widens what
            // must-invite lets in, so it imposes no criterion of its own.
            criteria.add("denylist");
        }
        if (settings.mustExchangeToken()) {
            // §2.5: a server advertising this criterion also advertises exchange-token (above)
            criteria.add("must-exchange-token");
        }
        return criteria;
    }
}
