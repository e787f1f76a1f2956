package io.ocmee.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.settings.OcmSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultUserDirectoryTest {

    @TempDir Path dir;

    @Test
    void listsUsersGroupsAndMembersOfTheRealmKeyFile() throws Exception {
        Path keyfile = dir.resolve("keyfile");
        Files.writeString(
                keyfile,
                "carol;{SSHA256}x;ocm-user\n"
                        + "admin;{SSHA256}y;ocm-admin\n"
                        + "alice;{SSHA256}z;ocm-user,research\n"
                        + "../evil;{SSHA256}w;ocm-user\n");
        DefaultUserDirectory directory = directory(keyfile);

        assertThat(directory.users())
                .extracting(LocalUser::name)
                .containsExactly("admin", "alice", "carol");
        assertThat(directory.find("alice"))
                .contains(new LocalUser("alice", "Alice", Optional.empty()));
        assertThat(directory.groups("alice")).containsExactly("ocm-user", "research");
        assertThat(directory.groups("nobody")).isEmpty();
        assertThat(directory.members("ocm-user"))
                .extracting(LocalUser::name)
                .containsExactly("alice", "carol");
        assertThat(directory.members("research"))
                .extracting(LocalUser::name)
                .containsExactly("alice");
        assertThat(directory.members("unknown")).isEmpty();
        assertThat(directory.find("../evil")).isEmpty();
    }

    @Test
    void withoutKeyFileNothingCanBeListedButSafeNamesAreUsers() throws Exception {
        DefaultUserDirectory directory = directory(dir.resolve("missing"));
        assertThat(directory.users()).isEmpty();
        assertThat(directory.members("ocm-user")).isEmpty();
        assertThat(directory.find("zoe")).isPresent();
    }

    @Test
    void storageDefaultMethodsResolveWithOrWithoutLeadingSlashAndPermitOwnSpace() {
        ResourceStorage storage =
                new ResourceStorage() {
                    @Override
                    public java.util.Optional<ResourceInfo> stat(String u, ResourcePath p) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public ResourceContent read(
                            String u, ResourcePath p, java.util.Optional<ByteRange> r) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public WriteResult write(String u, ResourcePath p, java.io.InputStream c) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public WriteResult createFolder(String u, ResourcePath p) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void delete(String u, ResourcePath p) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public java.util.List<ResourceInfo> list(String u, ResourcePath p) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public WriteResult move(String u, ResourcePath f, ResourcePath t, boolean o) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public WriteResult copy(String u, ResourcePath f, ResourcePath t, boolean o) {
                        throw new UnsupportedOperationException();
                    }
                };
        assertThat(storage.resolve("alice", "/docs/a.txt"))
                .isEqualTo(storage.resolve("alice", "docs/a.txt"))
                .isEqualTo(ResourcePath.parse("docs/a.txt"));
        assertThat(storage.permits("alice", ResourcePath.parse("docs"), Access.SHARE)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> storage.resolve("alice", "/docs/../../etc"))
                .isInstanceOf(InvalidResourcePathException.class);
    }

    private DefaultUserDirectory directory(Path keyfile)
            throws IOException, ReflectiveOperationException {
        OcmSettings settings =
                OcmSettings.from(
                        Map.of(
                                        "ocm.data-dir", dir.toString(),
                                        "ocm.users.realm-file", keyfile.toString())
                                ::get);
        DefaultUserDirectory directory = new DefaultUserDirectory();
        Field field = DefaultUserDirectory.class.getDeclaredField("settings");
        field.setAccessible(true);
        field.set(directory, settings);
        return directory;
    }
}
