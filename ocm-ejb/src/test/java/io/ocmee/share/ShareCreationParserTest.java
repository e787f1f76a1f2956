package io.ocmee.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The receiving side's validation of Share Creation Notifications, from fixtures written after
 * OCM-NOTES §3 and §11 (checklist numbers in the test names' comments).
 */
class ShareCreationParserTest {

    private final ShareCreationParser parser = new ShareCreationParser("cloud.example.org");

    private ShareCreationNotification parse(String fixture) {
        return parser.parse(ShareFixtures.read("shares/" + fixture));
    }

    private OcmRequestException refusal(String json) {
        return catchThrowableOfType(
                () -> parser.parse(json.getBytes(StandardCharsets.UTF_8)),
                OcmRequestException.class);
    }

    @Test
    void acceptsNextcloudLegacyOptionsShapeWithSharedByAliases() {
        // checklist R96 (all three shapes), §11 Q4 (sharedBy), Q21 (scheme in the owner's host)
        ShareCreationNotification share = parse("nextcloud-legacy-options.json");

        assertThat(share.sender().format()).isEqualTo("carla@nc.example.net");
        assertThat(share.senderDisplayName()).contains("Carla");
        assertThat(share.owner().format()).isEqualTo("carla@nc.example.net");
        assertThat(share.webdav().shape()).isEqualTo(ProtocolShape.OPTIONS);
        assertThat(share.webdav().sharedSecret()).isEqualTo("R7qk2WbnQ0xPpTz");
        assertThat(share.webdav().uri()).isEmpty();
        // Nextcloud's permissions text names no permission: read is assumed
        assertThat(share.webdav().permissions()).containsExactly(Permissions.READ);
        assertThat(share.resourceType()).isEqualTo("file");
    }

    @Test
    void acceptsRevaMultiWithEmptyOptionsAndAbsoluteUri() {
        // §11 Q15 (empty options beside multi), Q14 (absolute uri), checklist R100
        ShareCreationNotification share = parse("reva-multi-empty-options.json");

        assertThat(share.webdav().shape()).isEqualTo(ProtocolShape.MULTI);
        assertThat(share.webdav().uri())
                .contains("https://cernbox.example.ch/remote.php/dav/ocm/9c6b3a52");
        assertThat(share.webdav().absoluteUri()).isTrue();
        assertThat(share.webdav().permissions())
                .containsExactlyInAnyOrder(Permissions.READ, Permissions.WRITE);
        assertThat(share.resourceType()).isEqualTo("folder");
        assertThat(share.expiration()).contains(Instant.ofEpochSecond(4102444800L));
    }

    @Test
    void acceptsRelativeUriAndRecordsMustExchangeToken() {
        // §11 Q14 (relative uri), checklist R104
        ShareCreationNotification share = parse("relative-uri-multi.json");

        assertThat(share.webdav().uri()).contains("7f1e2d3c");
        assertThat(share.webdav().absoluteUri()).isFalse();
        assertThat(share.webdav().requirements()).containsExactly("must-exchange-token");
    }

    @Test
    void acceptsNamedWebdavShapeWithPathUriAndNoPermissions() {
        ShareCreationNotification share = parse("named-webdav-path-uri.json");

        assertThat(share.webdav().shape()).isEqualTo(ProtocolShape.NAMED);
        assertThat(share.webdav().uri()).contains("/public.php/webdav/");
        assertThat(share.webdav().permissions()).containsExactly(Permissions.READ);
    }

    @Test
    void listsEveryMissingOrInvalidFieldIn400() {
        // checklist R90
        OcmRequestException refused =
                refusal(
                        new String(
                                ShareFixtures.read("shares/missing-fields.json"),
                                StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).startsWith("Share rejected: ");
        assertThat(refused.errors())
                .extracting(
                        OcmRequestException.FieldError::name,
                        OcmRequestException.FieldError::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("name", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("providerId", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("owner", "INVALID"),
                        org.assertj.core.groups.Tuple.tuple("sharedBy", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("resourceType", "MISSING"));
    }

    @Test
    void answers501ForGroupShares() {
        // checklist R91
        OcmRequestException refused =
                catchThrowableOfType(() -> parse("group-share.json"), OcmRequestException.class);

        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.getMessage())
                .isEqualTo("Share rejected: share type 'group' is not supported here");
    }

    @Test
    void answers501ForUnsupportedResourceType() {
        OcmRequestException refused =
                catchThrowableOfType(() -> parse("calendar-type.json"), OcmRequestException.class);

        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.errors())
                .extracting(OcmRequestException.FieldError::name)
                .containsExactly("resourceType");
    }

    @Test
    void answers501WhenNoOfferedProtocolIsWebdav() {
        OcmRequestException refused =
                catchThrowableOfType(() -> parse("webapp-only.json"), OcmRequestException.class);

        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.getMessage()).contains("none of the offered protocols");
    }

    @Test
    void refusesRequirementsItCannotFulfil() {
        OcmRequestException refused =
                catchThrowableOfType(() -> parse("mfa-required.json"), OcmRequestException.class);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("'must-use-mfa' cannot be fulfilled");
    }

    @Test
    void refusesNamesLongerThan255Utf8Bytes() {
        String name = "é".repeat(128); // 256 bytes
        OcmRequestException refused = refusal(share("\"name\": \"" + name + "\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors())
                .extracting(OcmRequestException.FieldError::message)
                .containsExactly("TOO_LONG");
    }

    @Test
    void acceptsNamesOf255Utf8Bytes() {
        String name = "é".repeat(127) + "a"; // 255 bytes
        assertThat(
                        parser.parse(
                                        share("\"name\": \"" + name + "\"")
                                                .getBytes(StandardCharsets.UTF_8))
                                .name())
                .isEqualTo(name);
    }

    @Test
    void refusesShareWithOfAnotherServer() {
        OcmRequestException refused =
                refusal(share("\"shareWith\": \"bob@elsewhere.example.org\""));

        assertThat(refused.errors())
                .extracting(OcmRequestException.FieldError::name)
                .containsExactly("shareWith");
        assertThat(refused.getMessage())
                .isEqualTo("Share rejected: shareWith names no user of this server");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"multi\",\"webdav\":{\"uri\":\"x\"}}|protocol.webdav.sharedSecret",
                "{\"name\":\"multi\",\"webdav\":{\"sharedSecret\":\"s\"}}|protocol.webdav.uri",
                "{\"name\":\"multi\",\"webdav\":{\"uri\":\"x\",\"sharedSecret\":\"s\",\"permissions\":[\"admin\"]}}|protocol.webdav.permissions",
                "{\"name\":\"multi\",\"webdav\":{\"uri\":\"ftp://h/x\",\"sharedSecret\":\"s\"}}|protocol.webdav.uri",
                "{\"name\":\"webdav\",\"options\":{\"permissions\":\"read\"}}|protocol.webdav",
                "{\"webdav\":{}}|protocol.name",
            })
    void refusesBadProtocolObjects(String protocol, String field) {
        OcmRequestException refused = refusal(share("\"protocol\": " + protocol));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors())
                .extracting(OcmRequestException.FieldError::name)
                .containsExactly(field);
    }

    @Test
    void refusesBodiesThatAreNotObjects() {
        OcmRequestException refused = refusal("[1,2]");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("Share rejected: the body is not a JSON object");
    }

    /** A valid share with one member ({@code "key": value}) replaced or added. */
    private static String share(String member) {
        java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put("shareWith", "\"bob@cloud.example.org\"");
        members.put("name", "\"a.txt\"");
        members.put("providerId", "\"p1\"");
        members.put("owner", "\"al@peer.example.net\"");
        members.put("sender", "\"al@peer.example.net\"");
        members.put("shareType", "\"user\"");
        members.put("resourceType", "\"file\"");
        members.put(
                "protocol",
                "{\"name\": \"multi\", \"webdav\": {\"uri\": \"p1\", \"sharedSecret\":"
                        + " \"s3cr3t\"}}");
        int colon = member.indexOf(':');
        String key = member.substring(0, colon).strip().replace("\"", "");
        members.put(key, member.substring(colon + 1).strip());
        StringBuilder json = new StringBuilder("{");
        members.forEach(
                (k, v) ->
                        json.append(json.length() > 1 ? "," : "")
                                .append('"')
                                .append(k)
                                .append("\":")
                                .append(v));
        return json.append('}').toString();
    }
}
