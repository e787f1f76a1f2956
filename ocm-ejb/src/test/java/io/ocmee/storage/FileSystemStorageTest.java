package io.ocmee.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ocmee.spi.ByteRange;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.InvalidUserNameException;
import io.ocmee.spi.ResourceConflictException;
import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourceNotFoundException;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceRangeException;
import io.ocmee.spi.WriteResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemStorageTest {

    private static final String ALICE = "alice";

    @TempDir Path dataDir;

    private Path filesDir;
    private Path outside;
    private FileSystemStorage storage;

    @BeforeEach
    void createStorageAndAFolderOutsideTheSpaces() throws IOException {
        filesDir = dataDir.resolve("files");
        outside = Files.createDirectories(dataDir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret", UTF_8);
        storage = new FileSystemStorage(filesDir);
    }

    @Test
    void writesABinaryFileAndReadsItBack() throws IOException {
        byte[] bytes = randomBytes(70_000);

        WriteResult written =
                storage.write(ALICE, path("data.bin"), new ByteArrayInputStream(bytes));

        assertThat(written.created()).isTrue();
        assertThat(written.resource().size()).isEqualTo(bytes.length);
        assertThat(written.resource().folder()).isFalse();
        assertThat(written.resource().etag()).matches("\"[0-9a-f]{24}\"");
        try (ResourceContent content = storage.read(ALICE, path("data.bin"), Optional.empty())) {
            assertThat(content.body().readAllBytes()).isEqualTo(bytes);
            assertThat(content.partial()).isFalse();
        }
        assertThat(filesDir.resolve("alice/data.bin")).hasBinaryContent(bytes);
    }

    @Test
    void readsOnlyTheRequestedRange() throws IOException {
        storage.write(ALICE, path("abc.txt"), text("abcdefghij"));

        try (ResourceContent content =
                storage.read(ALICE, path("abc.txt"), Optional.of(ByteRange.between(2, 4)))) {
            assertThat(new String(content.body().readAllBytes(), UTF_8)).isEqualTo("cde");
            assertThat(content.offset()).isEqualTo(2);
            assertThat(content.length()).isEqualTo(3);
            assertThat(content.partial()).isTrue();
        }
        try (ResourceContent tail =
                storage.read(ALICE, path("abc.txt"), Optional.of(ByteRange.from(7)))) {
            assertThat(new String(tail.body().readAllBytes(), UTF_8)).isEqualTo("hij");
        }
    }

    @Test
    void refusesARangeStartingAfterTheEnd() {
        storage.write(ALICE, path("abc.txt"), text("abc"));

        assertThatThrownBy(
                        () -> storage.read(ALICE, path("abc.txt"), Optional.of(ByteRange.from(3))))
                .isInstanceOf(ResourceRangeException.class)
                .hasMessage("Range of 'abc.txt' rejected: the file has only 3 bytes");
    }

    @Test
    void writeCreatesMissingParentFolders() {
        storage.write(ALICE, path("a/b/c/deep.txt"), text("deep"));

        assertThat(storage.stat(ALICE, path("a/b")).map(ResourceInfo::folder)).contains(true);
        assertThat(filesDir.resolve("alice/a/b/c/deep.txt")).hasContent("deep");
    }

    @Test
    void overwriteReportsAnExistingFileAndChangesTheEtag() {
        String first = storage.write(ALICE, path("x.txt"), text("one")).resource().etag();

        WriteResult second = storage.write(ALICE, path("x.txt"), text("two!"));

        assertThat(second.created()).isFalse();
        assertThat(second.resource().etag()).isNotEqualTo(first);
        assertThat(filesDir.resolve("alice/x.txt")).hasContent("two!");
    }

    @Test
    void failedUploadKeepsThePreviousContentAndLeavesNoPartialFile() throws IOException {
        storage.write(ALICE, path("x.txt"), text("old"));

        assertThatThrownBy(() -> storage.write(ALICE, path("x.txt"), failingAfter("new new new")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("receiving an upload failed");
        assertThat(filesDir.resolve("alice/x.txt")).hasContent("old");
        try (Stream<Path> partials = Files.list(filesDir.resolve(".partial"))) {
            assertThat(partials).isEmpty();
        }
    }

    @Test
    void refusesToWriteOverAFolder() {
        storage.createFolder(ALICE, path("docs"));

        assertThatThrownBy(() -> storage.write(ALICE, path("docs"), text("x")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'docs' rejected: it is a folder; a file cannot replace it");
    }

    @Test
    void refusesToWriteBelowAFile() {
        storage.write(ALICE, path("a.txt"), text("x"));

        assertThatThrownBy(() -> storage.write(ALICE, path("a.txt/b.txt"), text("x")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'a.txt' rejected: it is a file, not a folder");
    }

    @Test
    void refusesToTurnTheRootIntoAFile() {
        assertThatThrownBy(() -> storage.write(ALICE, ResourcePath.root(), text("x")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path '/' rejected: the root folder cannot become a file");
    }

    @Test
    void createFolderIsIdempotent() {
        assertThat(storage.createFolder(ALICE, path("a/b")).created()).isTrue();
        assertThat(storage.createFolder(ALICE, path("a/b")).created()).isFalse();
        assertThat(storage.createFolder(ALICE, path("a/b")).resource().folder()).isTrue();
    }

    @Test
    void listsAFolderOrderedByName() {
        storage.write(ALICE, path("docs/b.txt"), text("bb"));
        storage.write(ALICE, path("docs/a.txt"), text("a"));
        storage.createFolder(ALICE, path("docs/c"));

        assertThat(storage.list(ALICE, path("docs")))
                .extracting(ResourceInfo::name, ResourceInfo::folder, ResourceInfo::size)
                .containsExactly(
                        tuple("a.txt", false, 1L), tuple("b.txt", false, 2L), tuple("c", true, 0L));
    }

    @Test
    void listsAnEmptyRootForANewUser() {
        assertThat(storage.list("carol", ResourcePath.root())).isEmpty();
    }

    @Test
    void refusesToListAMissingFolderOrAFile() {
        storage.write(ALICE, path("a.txt"), text("x"));

        assertThatThrownBy(() -> storage.list(ALICE, path("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Path 'nope' rejected: no file or folder exists there");
        assertThatThrownBy(() -> storage.list(ALICE, path("a.txt")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'a.txt' rejected: it is a file, not a folder");
    }

    @Test
    void refusesToReadAFolderAsAFile() {
        storage.createFolder(ALICE, path("docs"));

        assertThatThrownBy(() -> storage.read(ALICE, path("docs"), Optional.empty()))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'docs' rejected: it is a folder, not a file");
    }

    @Test
    void deletesAFolderWithEverythingInIt() {
        storage.write(ALICE, path("docs/a/b.txt"), text("x"));

        storage.delete(ALICE, path("docs"));

        assertThat(storage.stat(ALICE, path("docs"))).isEmpty();
        assertThat(filesDir.resolve("alice/docs")).doesNotExist();
    }

    @Test
    void refusesToDeleteWhatIsNotThereOrTheRoot() {
        assertThatThrownBy(() -> storage.delete(ALICE, path("nope.txt")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Path 'nope.txt' rejected: no file or folder exists there");
        assertThatThrownBy(() -> storage.delete(ALICE, ResourcePath.root()))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path '/' rejected: the root folder cannot be deleted");
    }

    @Test
    void keepsTheSpacesOfUsersApart() {
        storage.write(ALICE, path("x.txt"), text("alice's"));

        assertThat(storage.stat("bob", path("x.txt"))).isEmpty();
        assertThatThrownBy(() -> storage.read("bob", path("x.txt"), Optional.empty()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @ParameterizedTest(name = "user name ''{0}'' is refused")
    @ValueSource(
            strings = {
                "",
                ".",
                "..",
                ".partial",
                "../alice",
                "a/b",
                "a\\b",
                "nul\u0000",
                "-rf",
                "tab\tname",
                "white space",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void refusesUserNamesThatAreNotSafeFolderNames(String user) {
        assertThatThrownBy(() -> storage.list(user, ResourcePath.root()))
                .isInstanceOf(InvalidUserNameException.class)
                .hasMessage(
                        "User rejected: the name cannot own files here; it must be 1 to 64"
                                + " letters, digits, '.', '_', '@', '+' or '-', starting with a"
                                + " letter or digit");
        assertThat(filesDir).doesNotExist();
    }

    @Test
    void acceptsAddressLikeUserNames() {
        storage.write("alice.smith@example.org", path("x.txt"), text("x"));

        assertThat(filesDir.resolve("alice.smith@example.org/x.txt")).hasContent("x");
    }

    @Test
    void refusesALinkToAFolderOutsideTheSpace() throws IOException {
        Path root = aliceRoot();
        Files.createSymbolicLink(root.resolve("escape"), outside);

        assertRefusedAsEscape(
                () -> storage.read(ALICE, path("escape/secret.txt"), Optional.empty()));
        assertRefusedAsEscape(() -> storage.stat(ALICE, path("escape/secret.txt")));
        assertRefusedAsEscape(() -> storage.list(ALICE, path("escape")));
        assertRefusedAsEscape(() -> storage.write(ALICE, path("escape/secret.txt"), text("owned")));
        assertRefusedAsEscape(() -> storage.write(ALICE, path("escape/new.txt"), text("owned")));
        assertRefusedAsEscape(() -> storage.createFolder(ALICE, path("escape/sub")));
        assertRefusedAsEscape(() -> storage.delete(ALICE, path("escape/secret.txt")));
        assertRefusedAsEscape(() -> storage.delete(ALICE, path("escape")));
        assertRefusedAsEscape(
                () -> storage.move(ALICE, path("escape/secret.txt"), path("mine.txt"), false));
        assertRefusedAsEscape(
                () -> storage.copy(ALICE, path("escape/secret.txt"), path("mine.txt"), false));

        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        try (Stream<Path> entries = Files.list(outside)) {
            assertThat(entries).containsExactly(outside.resolve("secret.txt"));
        }
    }

    @Test
    void refusesALinkToAFileOutsideTheSpace() throws IOException {
        Files.createSymbolicLink(aliceRoot().resolve("passwd"), outside.resolve("secret.txt"));

        assertRefusedAsEscape(() -> storage.read(ALICE, path("passwd"), Optional.empty()));
        assertRefusedAsEscape(() -> storage.write(ALICE, path("passwd"), text("owned")));
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
    }

    @Test
    void refusesALinkThatLeadsNowhere() throws IOException {
        Path target = outside.resolve("not-yet.txt");
        Files.createSymbolicLink(aliceRoot().resolve("dangling"), target);

        assertRefusedAsEscape(() -> storage.write(ALICE, path("dangling"), text("owned")));
        assertRefusedAsEscape(() -> storage.write(ALICE, path("dangling/x.txt"), text("owned")));
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesALinkIntoAnotherUsersSpace() throws IOException {
        storage.write("bob", path("private.txt"), text("bob's"));
        Files.createSymbolicLink(aliceRoot().resolve("bob"), filesDir.resolve("bob"));

        assertRefusedAsEscape(() -> storage.read(ALICE, path("bob/private.txt"), Optional.empty()));
    }

    @Test
    void followsALinkThatStaysInsideTheSpace() throws IOException {
        storage.write(ALICE, path("real/x.txt"), text("inside"));
        Files.createSymbolicLink(aliceRoot().resolve("alias"), aliceRoot().resolve("real"));

        try (ResourceContent content = storage.read(ALICE, path("alias/x.txt"), Optional.empty())) {
            assertThat(new String(content.body().readAllBytes(), UTF_8)).isEqualTo("inside");
        }
    }

    @Test
    void leavesLinksOutOfTheSpaceOutOfListings() throws IOException {
        storage.write(ALICE, path("mine.txt"), text("x"));
        Files.createSymbolicLink(aliceRoot().resolve("escape"), outside);

        assertThat(storage.list(ALICE, ResourcePath.root()))
                .extracting(ResourceInfo::name)
                .containsExactly("mine.txt");
    }

    @Test
    void deletingAFolderRemovesLinksInsideButNotWhatTheyPointTo() throws IOException {
        storage.createFolder(ALICE, path("docs"));
        Files.createSymbolicLink(aliceRoot().resolve("docs/escape"), outside);

        storage.delete(ALICE, path("docs"));

        assertThat(aliceRoot().resolve("docs")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
    }

    @Test
    void movesAFolderToANewName() {
        storage.write(ALICE, path("old/x.txt"), text("x"));

        WriteResult moved = storage.move(ALICE, path("old"), path("new"), false);

        assertThat(moved.created()).isTrue();
        assertThat(moved.resource().folder()).isTrue();
        assertThat(storage.stat(ALICE, path("old"))).isEmpty();
        assertThat(filesDir.resolve("alice/new/x.txt")).hasContent("x");
    }

    @Test
    void moveReplacesATargetOnlyWhenAllowed() {
        storage.write(ALICE, path("a.txt"), text("a"));
        storage.write(ALICE, path("b.txt"), text("b"));

        assertThatThrownBy(() -> storage.move(ALICE, path("a.txt"), path("b.txt"), false))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'b.txt' rejected: it already exists");
        WriteResult moved = storage.move(ALICE, path("a.txt"), path("b.txt"), true);

        assertThat(moved.created()).isFalse();
        assertThat(filesDir.resolve("alice/b.txt")).hasContent("a");
    }

    @Test
    void refusesToMoveAFolderIntoItself() {
        storage.createFolder(ALICE, path("a"));

        assertThatThrownBy(() -> storage.move(ALICE, path("a"), path("a/b"), false))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'a/b' rejected: it lies inside 'a'");
    }

    @Test
    void refusesToMoveIntoAMissingFolder() {
        storage.write(ALICE, path("a.txt"), text("a"));

        assertThatThrownBy(() -> storage.move(ALICE, path("a.txt"), path("no/a.txt"), false))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("Path 'no/a.txt' rejected: its parent folder does not exist");
    }

    @Test
    void copiesAFolderWithItsContent() {
        storage.write(ALICE, path("src/x.txt"), text("x"));
        storage.write(ALICE, path("src/sub/y.txt"), text("y"));

        WriteResult copied = storage.copy(ALICE, path("src"), path("dst"), false);

        assertThat(copied.created()).isTrue();
        assertThat(filesDir.resolve("alice/dst/x.txt")).hasContent("x");
        assertThat(filesDir.resolve("alice/dst/sub/y.txt")).hasContent("y");
        assertThat(filesDir.resolve("alice/src/x.txt")).hasContent("x");
    }

    @Test
    void copyKeepsLinksAsLinksAndStillRefusesThem() throws IOException {
        storage.createFolder(ALICE, path("src"));
        Files.createSymbolicLink(aliceRoot().resolve("src/escape"), outside);

        storage.copy(ALICE, path("src"), path("dst"), false);

        assertThat(Files.isSymbolicLink(aliceRoot().resolve("dst/escape"))).isTrue();
        assertRefusedAsEscape(() -> storage.list(ALICE, path("dst/escape")));
    }

    private Path aliceRoot() {
        storage.stat(ALICE, ResourcePath.root());
        return filesDir.resolve(ALICE);
    }

    private void assertRefusedAsEscape(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: it follows a link out of your space")
                .hasMessageNotContaining(dataDir.toString());
    }

    private static ResourcePath path(String text) {
        return ResourcePath.parse(text);
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** A stream that delivers some bytes and then fails, like a dropped connection. */
    private static InputStream failingAfter(String text) {
        return new InputStream() {
            private final InputStream start = text(text);

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
    }
}
