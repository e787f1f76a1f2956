package io.ocmee.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user's files API of the embedded default, {@code /api/v1/files/...}, on a real server. Every
 * test works in folders of its own (a random name), so tests share the federation in any order.
 */
@ExtendWith(Federation.Extension.class)
class FilesIT {

    @Test
    void uploadedBinaryFileDownloadsUnchanged(Federation federation) {
        String url = files(federation) + unique() + "/blob.bin";
        byte[] bytes = randomBytes(300_000);

        Http.BytesReply created = Http.put(url, "alice", "alice", bytes);
        Http.BytesReply download = Http.bytes("GET", url, "alice", "alice");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/blob.bin");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Length")).isEqualTo("300000");
        assertThat(download.header("ETag")).isEqualTo(created.header("ETag")).startsWith("\"");
        assertThat(download.header("Last-Modified")).endsWith("GMT");
    }

    @Test
    void uploadOverAnExistingFileAnswersNoContentAndReplacesIt(Federation federation) {
        String url = files(federation) + unique() + "/note.txt";
        Http.BytesReply first = Http.put(url, "alice", "alice", "first".getBytes(UTF_8));

        Http.BytesReply second = Http.put(url, "alice", "alice", "second".getBytes(UTF_8));
        Http.BytesReply download = Http.bytes("GET", url, "alice", "alice");

        assertThat(second.status()).isEqualTo(204);
        assertThat(second.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(new String(download.body(), UTF_8)).isEqualTo("second");
        assertThat(download.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void uploadCreatesNestedFoldersThatListAsJson(Federation federation) {
        String base = files(federation) + unique();
        Http.put(base + "/a/b/c.txt", "alice", "alice", "hello".getBytes(UTF_8));
        Http.put(base + "/a/z.txt", "alice", "alice", "z".getBytes(UTF_8));

        Http.Reply listing = Http.get(base + "/a/", "alice", "alice");

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.contentType()).startsWith("application/json");
        JsonArray entries = listing.json().asJsonArray();
        assertThat(entries).hasSize(2);
        JsonObject folder = entries.getJsonObject(0);
        assertThat(folder.getString("name")).isEqualTo("b");
        assertThat(folder.getString("type")).isEqualTo("folder");
        JsonObject file = entries.getJsonObject(1);
        assertThat(file.getString("name")).isEqualTo("z.txt");
        assertThat(file.getString("type")).isEqualTo("file");
        assertThat(file.getJsonNumber("size").longValue()).isEqualTo(1);
        assertThat(file.getString("modified")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(file.getString("etag")).startsWith("\"");
        assertThat(Http.get(base + "/a/b", "alice", "alice").json().asJsonArray())
                .extracting(v -> v.asJsonObject().getString("name"))
                .containsExactly("c.txt");
    }

    @Test
    void rootListingShowsTheCallersTopLevelEntries(Federation federation) {
        String folder = unique();
        Http.put(files(federation) + folder + "/x.txt", "carol", "carol", new byte[] {1});

        Http.Reply root = Http.get(files(federation), "carol", "carol");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().asJsonArray())
                .extracting(v -> v.asJsonObject().getString("name"))
                .contains(folder);
    }

    @Test
    void deletedFileIsGoneAndASecondDeleteIsNotFound(Federation federation) {
        String folder = unique();
        String url = files(federation) + folder + "/gone.txt";
        Http.put(url, "alice", "alice", "x".getBytes(UTF_8));

        Http.Reply deleted = Http.send("DELETE", url, "alice", "alice", null);
        Http.Reply download = Http.get(url, "alice", "alice");
        Http.Reply again = Http.send("DELETE", url, "alice", "alice", null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(download.status()).isEqualTo(404);
        assertThat(download.contentType()).startsWith("application/problem+json");
        assertThat(download.json().asJsonObject().getString("detail"))
                .isEqualTo(
                        "Path '" + folder + "/gone.txt' rejected: no file or folder exists there");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void deletingAFolderRemovesItsContent(Federation federation) {
        String base = files(federation) + unique();
        Http.put(base + "/sub/x.txt", "alice", "alice", "x".getBytes(UTF_8));

        assertThat(Http.send("DELETE", base, "alice", "alice", null).status()).isEqualTo(204);
        assertThat(Http.get(base + "/sub/x.txt", "alice", "alice").status()).isEqualTo(404);
    }

    @Test
    void uploadOntoAFolderIsAConflict(Federation federation) {
        String folder = unique();
        String base = files(federation) + folder;
        Http.put(base + "/docs/x.txt", "alice", "alice", "x".getBytes(UTF_8));

        Http.Reply reply = Http.put(base + "/docs", "alice", "alice", new byte[] {1}).asText();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo(
                        "Path '"
                                + folder
                                + "/docs' rejected: it is a folder; a file cannot replace it");
    }

    @Test
    void uploadBelowAFileIsAConflict(Federation federation) {
        String folder = unique();
        String base = files(federation) + folder;
        Http.put(base + "/a.txt", "alice", "alice", "x".getBytes(UTF_8));

        Http.Reply reply =
                Http.put(base + "/a.txt/b.txt", "alice", "alice", new byte[] {1}).asText();

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo("Path '" + folder + "/a.txt' rejected: it is a file, not a folder");
    }

    @Test
    void filesNeedCredentials(Federation federation) {
        String url = files(federation) + unique() + "/x.txt";

        assertThat(Http.get(url).status()).isEqualTo(401);
        assertThat(Http.put(url, null, null, new byte[] {1}).status()).isEqualTo(401);
        assertThat(Http.send("DELETE", url, null, null, null).status()).isEqualTo(401);
    }

    @Test
    void oneUserCannotReadAnothersFile(Federation federation) {
        String name = unique() + "-x.txt";
        String url = files(federation) + name;
        Http.put(url, "alice", "alice", "alice's secret".getBytes(UTF_8));

        Http.Reply bobReads = Http.get(url, "bob", "bob");
        Http.BytesReply bobWrites = Http.put(url, "bob", "bob", "bob's own".getBytes(UTF_8));

        assertThat(bobReads.status()).isEqualTo(404);
        assertThat(bobReads.json().asJsonObject().getString("detail"))
                .isEqualTo("Path '" + name + "' rejected: no file or folder exists there");
        assertThat(bobWrites.status()).isEqualTo(201);
        assertThat(Http.get(url, "alice", "alice").body()).isEqualTo("alice's secret");
        assertThat(Http.get(url, "bob", "bob").body()).isEqualTo("bob's own");
    }

    @ParameterizedTest(name = "PUT files/{0} is refused and writes nothing outside")
    @ValueSource(
            strings = {
                "../NAME",
                "../../NAME",
                "%2e%2e/NAME",
                "%2E%2E/%2e%2e/NAME",
                "..%2fNAME",
                "..%2f..%2fNAME",
                "%252e%252e/NAME",
                "%252e%252e%252fNAME",
                "a/../../NAME",
                "a/%2e%2e/%2e%2e/NAME",
                "..%5cNAME",
                "%00/NAME",
                "/NAME",
                "%2fNAME"
            })
    void escapingUploadIsRefusedAndWritesNothingOutside(String attempt, Federation federation)
            throws IOException {
        OcmInstance a = federation.a();
        Path sentinel = writeSentinel(a);
        String name = "escape-" + unique() + ".txt";

        Http.Reply reply =
                Http.put(rawUrl(a, attempt.replace("NAME", name)), "alice", "alice", bytes("owned"))
                        .asText();

        assertThat(reply.status()).isBetween(400, 499);
        if (reply.contentType().startsWith("application/problem+json")) {
            assertThat(reply.json().asJsonObject().getString("detail"))
                    .matches(
                            "Path rejected: .*|Request rejected: the path must not contain '\\.'"
                                    + " or '\\.\\.' segments");
        }
        assertThat(sentinel).hasContent("sentinel");
        assertThat(filesNamed(name, a)).isEmpty();
    }

    @ParameterizedTest(name = "GET files/{0} does not reveal the sentinel")
    @ValueSource(
            strings = {
                "../sentinel.txt",
                "%2e%2e/sentinel.txt",
                "..%2fsentinel.txt",
                "%252e%252e/sentinel.txt",
                "a/../../sentinel.txt",
                "..%5csentinel.txt"
            })
    void escapingDownloadIsRefused(String attempt, Federation federation) throws IOException {
        OcmInstance a = federation.a();
        writeSentinel(a);

        Http.Reply reply = Http.get(rawUrl(a, attempt), "alice", "alice");

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.body()).isNotEqualTo("sentinel");
    }

    @Test
    void unsafeNameIsRefusedWithTheReason(Federation federation) {
        OcmInstance a = federation.a();

        Http.Reply reply =
                Http.put(rawUrl(a, "a%252fb.txt"), "alice", "alice", bytes("x")).asText();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo("Path rejected: a name may not contain an encoded '/'");
    }

    @Test
    void dotSegmentsCannotStepOutOfTheProtectedPathWithoutCredentials(Federation federation) {
        String url = federation.a().url() + "/api/v1/files/../../x.txt";

        Http.Reply anonymous = Http.put(url, null, null, bytes("x")).asText();

        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.json().asJsonObject().getString("detail"))
                .isEqualTo("Request rejected: the path must not contain '.' or '..' segments");
    }

    @Test
    void linkPlantedInTheUsersFolderIsNotFollowedOutside(Federation federation) throws IOException {
        OcmInstance a = federation.a();
        String folder = unique();
        Http.put(files(federation) + folder + "/keep.txt", "alice", "alice", bytes("k"));
        Path outside = Files.createDirectories(a.dataDir().resolve("outside-" + folder));
        Files.writeString(outside.resolve("secret.txt"), "secret", UTF_8);
        Files.createSymbolicLink(a.dataDir().resolve("files/alice/" + folder + "/escape"), outside);

        Http.Reply read =
                Http.get(files(federation) + folder + "/escape/secret.txt", "alice", "alice");
        Http.Reply write =
                Http.put(
                                files(federation) + folder + "/escape/new.txt",
                                "alice",
                                "alice",
                                bytes("owned"))
                        .asText();
        Http.Reply listing = Http.get(files(federation) + folder, "alice", "alice");

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().asJsonObject().getString("detail"))
                .isEqualTo("Path rejected: it follows a link out of your space");
        assertThat(write.status()).isEqualTo(400);
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(listing.json().asJsonArray())
                .extracting(v -> v.asJsonObject().getString("name"))
                .containsExactly("keep.txt");
    }

    private static String files(Federation federation) {
        return federation.a().url() + "/api/v1/files/";
    }

    /** The files URL with {@code path} appended exactly as written, no encoding or normalising. */
    private static String rawUrl(OcmInstance instance, String path) {
        return instance.url() + "/api/v1/files/" + path.replace("\\", "%5C");
    }

    private static Path writeSentinel(OcmInstance instance) throws IOException {
        Path sentinel = instance.dataDir().resolve("files/sentinel.txt");
        Files.createDirectories(sentinel.getParent());
        Files.writeString(sentinel, "sentinel", UTF_8);
        return sentinel;
    }

    /**
     * @return files called {@code name} anywhere in the IT work folder (every instance's data and
     *     logs) except in alice's own space on server A
     */
    private static List<Path> filesNamed(String name, OcmInstance instance) throws IOException {
        Path aliceSpace = instance.dataDir().resolve("files/alice");
        try (Stream<Path> all = Files.walk(instance.dataDir().getParent())) {
            return all.filter(p -> p.getFileName().toString().equals(name))
                    .filter(p -> !p.startsWith(aliceSpace))
                    .toList();
        }
    }

    private static String unique() {
        return "it-" + UUID.randomUUID();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
