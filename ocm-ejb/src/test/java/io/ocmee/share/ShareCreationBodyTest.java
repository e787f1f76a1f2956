package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.ocmee.address.OcmAddress;
import io.ocmee.discovery.DiscoveryDocumentParser;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.notification.NotificationBody;
import io.ocmee.notification.NotificationType;
import io.ocmee.spi.ResourcePath;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sending side's shapes per receiver (OCM-NOTES §3.2, §3.4, §11 Q5) and their validity against
 * the OpenAPI 1.4.0 schemas of the conformance pack.
 */
class ShareCreationBodyTest {

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V4,
                    builder ->
                            builder.metaSchema(OpenApi30.getInstance())
                                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private static final String BASE = "https://cloud.example.org";

    private static String violations(String schema, JsonObject json) {
        String dir = System.getProperty("ocm.conformance.dir", "../../shared/conformance");
        String location =
                Path.of(dir, "ocm-openapi-1.4.0.yaml").toAbsolutePath().toUri()
                        + "#/components/schemas/"
                        + schema;
        JsonSchema validator = FACTORY.getSchema(SchemaLocation.of(location));
        Set<ValidationMessage> errors = validator.validate(json.toString(), InputFormat.JSON);
        return errors.stream().map(ValidationMessage::toString).collect(Collectors.joining("\n"));
    }

    private static PeerDiscovery discovery(String json) {
        return new DiscoveryDocumentParser()
                .parse(
                        URI.create("https://peer.example.net"),
                        json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String MODERN =
            "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\"https://peer.example.net/ocm\","
                + "\"resourceTypes\":[{\"name\":\"file\",\"shareTypes\":[\"user\"],"
                + "\"protocols\":{\"webdav\":\"/dav/\",\"webdav-receive\":{\"uri\":\"absolute\"}}},"
                + "{\"name\":\"folder\",\"shareTypes\":[\"user\",\"group\"],"
                + "\"protocols\":{\"webdav\":\"/dav/\",\"webdav-receive\":{\"uri\":\"relative\"}}}]}";

    private static final String NEXTCLOUD_33 =
            "{\"enabled\":true,\"apiVersion\":\"1.1.0\",\"endPoint\":\"https://peer.example.net/ocm\","
                + "\"resourceTypes\":[{\"name\":\"file\",\"shareTypes\":[\"user\",\"group\"],"
                + "\"protocols\":{\"webdav\":\"/public.php/webdav/\"}}]}";

    private static final String STRICT =
            "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\"https://peer.example.net/ocm\","
                + "\"criteria\":[\"must-exchange-token\"],\"capabilities\":[\"exchange-token\"],"
                + "\"resourceTypes\":[{\"name\":\"file\",\"shareTypes\":[\"user\"],"
                + "\"protocols\":{\"webdav\":\"/dav/\"}}]}";

    private static final String EXCHANGING =
            "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\"https://peer.example.net/ocm\","
                + "\"capabilities\":[\"exchange-token\"],"
                + "\"resourceTypes\":[{\"name\":\"file\",\"shareTypes\":[\"user\"],"
                + "\"protocols\":{\"webdav\":\"/dav/\"}}]}";

    private static ShareDraft draft(String type, SharePlan plan) {
        return new ShareDraft(
                "0b6b2cc6-4d0e-4a55-9b0e-0c3f3b8e2f10",
                "alice",
                "alice@cloud.example.org",
                "Alice",
                OcmAddress.parse("bob@peer.example.net"),
                ResourcePath.parse("docs/report.pdf"),
                type,
                "user",
                EnumSet.of(Permissions.READ, Permissions.WRITE),
                Optional.of(Instant.ofEpochSecond(4102444800L)),
                plan);
    }

    @Test
    void modernReceiverGetsMultiWithAbsoluteUriValidAgainstNewShare() {
        // checklist S23, S29, S39, S40; §3.2 discovery before building (S18)
        SharePlan plan = SharePlan.plan(Optional.of(discovery(MODERN)), "file", "user", false);
        JsonObject body = ShareCreationBody.json(draft("file", plan), "secret-1", BASE);

        assertThat(violations("NewShare", body)).isEmpty();
        assertThat(body.getJsonObject("protocol").getString("name")).isEqualTo("multi");
        JsonObject webdav = body.getJsonObject("protocol").getJsonObject("webdav");
        assertThat(webdav.getString("uri"))
                .isEqualTo(
                        "https://cloud.example.org/ocm/webdav/0b6b2cc6-4d0e-4a55-9b0e-0c3f3b8e2f10");
        assertThat(webdav.getString("sharedSecret")).isEqualTo("secret-1");
        assertThat(webdav.getString("uri")).doesNotContain("secret-1"); // S30
        assertThat(body.getString("sharedBy")).isEqualTo("alice@cloud.example.org");
        assertThat(body.getString("sharedByDisplayName")).isEqualTo("Alice");
        assertThat(body.getJsonNumber("expiration").longValue()).isEqualTo(4102444800L);
    }

    @Test
    void folderGoesAsFolderWithRelativeUriWhenAdvertised() {
        // checklist S27; §11 Q14 (webdav-receive.uri relative)
        SharePlan plan = SharePlan.plan(Optional.of(discovery(MODERN)), "folder", "group", false);
        JsonObject body = ShareCreationBody.json(draft("folder", plan), "s", BASE);

        assertThat(violations("NewShare", body)).isEmpty();
        assertThat(body.getString("resourceType")).isEqualTo("folder");
        assertThat(body.getJsonObject("protocol").getJsonObject("webdav").getString("uri"))
                .isEqualTo("0b6b2cc6-4d0e-4a55-9b0e-0c3f3b8e2f10");
    }

    @Test
    void legacyReceiverGetsOptionsShapeAndFolderAsFile() {
        // checklist S28, S40 [r]; §11 Q5 (Nextcloud ≤ 2025 reads only options), Q13
        SharePlan plan =
                SharePlan.plan(Optional.of(discovery(NEXTCLOUD_33)), "folder", "user", false);
        JsonObject body = ShareCreationBody.json(draft("folder", plan), "s3", BASE);

        assertThat(violations("NewShare", body)).isEmpty();
        assertThat(body.getString("resourceType")).isEqualTo("file");
        JsonObject protocol = body.getJsonObject("protocol");
        assertThat(protocol.getString("name")).isEqualTo("webdav");
        assertThat(protocol.getJsonObject("options").getString("sharedSecret")).isEqualTo("s3");
        assertThat(protocol.getJsonObject("options").getString("permissions"))
                .isEqualTo("read, write");
    }

    @Test
    void undiscoverableReceiverGetsTheModernShape() {
        SharePlan plan = SharePlan.plan(Optional.empty(), "folder", "user", false);

        assertThat(plan)
                .isEqualTo(new SharePlan(ProtocolShape.MULTI, "folder", false, false, false));
    }

    @Test
    void receiverDemandingTokenExchangeGetsTheRequirement() {
        // §2.5 must-exchange-token criterion, §6 decision table row 1
        SharePlan plan = SharePlan.plan(Optional.of(discovery(STRICT)), "file", "user", false);
        JsonObject webdav =
                ShareCreationBody.json(draft("file", plan), "s3cr3t", "https://cloud.example.org")
                        .getJsonObject("protocol")
                        .getJsonObject("webdav");

        assertThat(plan.mustExchangeToken()).isTrue();
        assertThat(webdav.getJsonArray("requirements").getString(0))
                .isEqualTo("must-exchange-token");
    }

    @Test
    void userAskingForTokenExchangeGetsTheRequirementOnlyWhenTheReceiverCanExchange() {
        // §6 decision table rows 1 and 2
        SharePlan plan = SharePlan.plan(Optional.of(discovery(EXCHANGING)), "file", "user", true);
        ShareRefusedException refused =
                catchThrowableOfType(
                        () -> SharePlan.plan(Optional.of(discovery(MODERN)), "file", "user", true),
                        ShareRefusedException.class);

        assertThat(plan.mustExchangeToken()).isTrue();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage())
                .isEqualTo(
                        "Share rejected: mustExchangeToken needs a receiving server that can"
                                + " exchange tokens, and this one does not advertise"
                                + " exchange-token");
    }

    @Test
    void plainSharesCarryNoRequirements() {
        SharePlan plan = SharePlan.plan(Optional.of(discovery(EXCHANGING)), "file", "user", false);
        JsonObject webdav =
                ShareCreationBody.json(draft("file", plan), "s3cr3t", "https://cloud.example.org")
                        .getJsonObject("protocol")
                        .getJsonObject("webdav");

        assertThat(plan.mustExchangeToken()).isFalse();
        assertThat(webdav.containsKey("requirements")).isFalse();
    }

    @Test
    void refusesUnadvertisedGroupShares() {
        // checklist S26, S28
        ShareRefusedException refused =
                catchThrowableOfType(
                        () ->
                                SharePlan.plan(
                                        Optional.of(discovery(MODERN)), "file", "group", false),
                        ShareRefusedException.class);

        assertThat(refused.getMessage())
                .isEqualTo(
                        "Share rejected: the receiving server does not accept group shares of a"
                                + " file over webdav");
    }

    @Test
    void notificationsCarryNewAndLegacyFieldsAndValidateAgainstNewNotification() {
        // checklist S68–S71
        JsonObject body =
                NotificationBody.share(
                        NotificationType.SHARE_CHANGE_PERMISSION,
                        "cloud.example.org",
                        "file",
                        "user",
                        "p-9",
                        Optional.of(EnumSet.of(Permissions.READ)),
                        Optional.of("legacy-secret"),
                        "changed");

        assertThat(violations("NewNotification", body)).isEmpty();
        assertThat(body.getString("senderDomain")).isEqualTo("cloud.example.org");
        assertThat(body.getString("providerId")).isEqualTo("p-9");
        JsonObject notification = body.getJsonObject("notification");
        assertThat(notification.getJsonObject("file").getString("providerId")).isEqualTo("p-9");
        assertThat(notification.getString("sharedSecret")).isEqualTo("legacy-secret");
    }

    @Test
    void secretsHave256BitsAndAreStoredAsSha256() {
        String secret = Secrets.newSecret();

        assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(Secrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
