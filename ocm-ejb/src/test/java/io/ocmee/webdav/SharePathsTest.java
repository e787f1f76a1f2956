package io.ocmee.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocmee.share.Permissions;
import io.ocmee.share.ShareGrant;
import io.ocmee.spi.ResourcePath;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path resolution inside a share (OCM-NOTES §8.1 step 6, §11 Q13). */
class SharePathsTest {

    private static final ShareGrant FOLDER =
            new ShareGrant(
                    "s-1",
                    "p-1",
                    "alice",
                    ResourcePath.parse("projects/data"),
                    "data",
                    true,
                    EnumSet.of(Permissions.READ),
                    false,
                    false);

    private static final ShareGrant FILE =
            new ShareGrant(
                    "s-2",
                    "p-2",
                    "alice",
                    ResourcePath.parse("docs/report.txt"),
                    "report.txt",
                    false,
                    EnumSet.of(Permissions.READ),
                    false,
                    false);

    @Test
    void folderShareServesSubPathsInTheOwnersFolder() {
        SharePaths.Target root = SharePaths.resolve(FOLDER, "");
        SharePaths.Target child = SharePaths.resolve(FOLDER, "/sub/a%20b.txt");

        assertThat(root.ownerPath()).isEqualTo(ResourcePath.parse("projects/data"));
        assertThat(root.relative().isRoot()).isTrue();
        assertThat(child.ownerPath()).isEqualTo(ResourcePath.parse("projects/data/sub/a b.txt"));
        assertThat(child.relative()).isEqualTo(ResourcePath.parse("sub/a b.txt"));
        assertThat(SharePaths.resolve(FOLDER, "/sub/").ownerPath())
                .isEqualTo(ResourcePath.parse("projects/data/sub"));
    }

    @Test
    void fileShareAnswersAtItsRootAndAtItsName() {
        SharePaths.Target root = SharePaths.resolve(FILE, "/");
        SharePaths.Target byName = SharePaths.resolve(FILE, "/report.txt");

        assertThat(root.ownerPath()).isEqualTo(ResourcePath.parse("docs/report.txt"));
        assertThat(root.byName()).isFalse();
        assertThat(byName.ownerPath()).isEqualTo(ResourcePath.parse("docs/report.txt"));
        assertThat(byName.byName()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/other.txt", "/report.txt/deeper", "/x/report.txt"})
    void fileShareHasNothingElse(String path) {
        DavException refused =
                catchThrowableOfType(() -> SharePaths.resolve(FILE, path), DavException.class);

        assertThat(refused.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/..",
                "/a/../..",
                "/%2e%2e",
                "/%252e%252e",
                "/a%2Fb",
                "/a%5cb",
                "/a%00b",
                "//a"
            })
    void escapesAreRefused(String path) {
        DavException refused =
                catchThrowableOfType(() -> SharePaths.resolve(FOLDER, path), DavException.class);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage())
                .startsWith("Path rejected: ")
                .doesNotContain("rejected: Path");
    }

    @Test
    void hrefsArePercentEncodedAndFoldersEndWithASlash() {
        assertThat(SharePaths.href(FOLDER, ResourcePath.parse("sub/a b+c.txt"), false, false))
                .isEqualTo("/ocm/webdav/p-1/sub/a%20b%2Bc.txt");
        assertThat(SharePaths.href(FOLDER, ResourcePath.root(), true, false))
                .isEqualTo("/ocm/webdav/p-1/");
        assertThat(SharePaths.href(FILE, ResourcePath.root(), false, true))
                .isEqualTo("/ocm/webdav/p-2/report.txt");
        assertThat(SharePaths.relativize(FOLDER, ResourcePath.parse("projects/data/x/y")))
                .isEqualTo(ResourcePath.parse("x/y"));
    }

    private static final ShareGrant AT_ROOT =
            new ShareGrant(
                    "s-1",
                    "p-1",
                    "alice",
                    ResourcePath.parse("projects/data"),
                    "data",
                    true,
                    EnumSet.of(Permissions.READ),
                    false,
                    true);

    @Test
    void shareAddressedAtTheRootByItsCredentialLivesAtTheRoot() {
        // OCM-NOTES §8.1 step 5: PROPFIND https://<secret>:@host/ocm/webdav/
        assertThat(SharePaths.resolve(AT_ROOT, "/sub/x.txt").ownerPath())
                .isEqualTo(ResourcePath.parse("projects/data/sub/x.txt"));
        assertThat(SharePaths.href(AT_ROOT, ResourcePath.root(), true, false))
                .isEqualTo("/ocm/webdav/");
        assertThat(SharePaths.href(AT_ROOT, ResourcePath.parse("x.txt"), false, false))
                .isEqualTo("/ocm/webdav/x.txt");
        assertThat(SharePaths.destination(AT_ROOT, "/ocm/webdav/y.txt").ownerPath())
                .isEqualTo(ResourcePath.parse("projects/data/y.txt"));
    }

    @Test
    void theFirstSegmentIsTheProviderId() {
        assertThat(WebdavService.split("/p-1/a/b")).containsExactly("p-1", "/a/b");
        assertThat(WebdavService.split("/p-1")).containsExactly("p-1", "");
        assertThat(WebdavService.split("")).containsExactly("", "");
        assertThat(WebdavService.split("/a%20b/c")).containsExactly("a b", "/c");
    }

    @Test
    void destinationMustStayInTheSameFolderShare() {
        SharePaths.Target inside =
                SharePaths.destination(FOLDER, "http://cloud.example.org/ocm/webdav/p-1/b%20c.txt");

        assertThat(inside.ownerPath()).isEqualTo(ResourcePath.parse("projects/data/b c.txt"));
        assertThat(SharePaths.destination(FOLDER, "/ocm/webdav/p-1/x").ownerPath())
                .isEqualTo(ResourcePath.parse("projects/data/x"));

        for (String outside :
                new String[] {
                    "http://cloud.example.org/ocm/webdav/p-2/x",
                    "http://cloud.example.org/ocm/webdav/p-10/x",
                    "http://cloud.example.org/api/v1/files/x"
                }) {
            DavException refused =
                    catchThrowableOfType(
                            () -> SharePaths.destination(FOLDER, outside), DavException.class);
            assertThat(refused.status()).as(outside).isEqualTo(403);
            assertThat(refused.getMessage())
                    .isEqualTo("Destination rejected: it must stay inside the same share");
        }
    }

    @Test
    void destinationIsRequiredAndNotInAFileShare() {
        assertThat(
                        catchThrowableOfType(
                                        () -> SharePaths.destination(FOLDER, null),
                                        DavException.class)
                                .status())
                .isEqualTo(400);
        assertThat(
                        catchThrowableOfType(
                                        () -> SharePaths.destination(FILE, "/ocm/webdav/p-2/x"),
                                        DavException.class)
                                .status())
                .isEqualTo(403);
        assertThat(
                        catchThrowableOfType(
                                        () ->
                                                SharePaths.destination(
                                                        FOLDER, "/ocm/webdav/p-1/%2e%2e"),
                                        DavException.class)
                                .status())
                .isEqualTo(400);
    }
}
