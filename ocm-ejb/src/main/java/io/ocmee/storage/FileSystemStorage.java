package io.ocmee.storage;

import io.ocmee.settings.OcmSettings;
import io.ocmee.spi.ByteRange;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.InvalidUserNameException;
import io.ocmee.spi.ResourceConflictException;
import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourceNotFoundException;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceRangeException;
import io.ocmee.spi.ResourceStorage;
import io.ocmee.spi.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The embedded default {@link ResourceStorage}: each user's space is the folder {@code
 * <ocm.data-dir>/files/<user>/} on the local disk, created on first use.
 *
 * <p>Containment: besides the lexical rules of {@link ResourcePath}, every operation resolves the
 * deepest existing part of the path with {@link Path#toRealPath} and refuses it unless it lies
 * under the real path of the user's folder, so symbolic links that lead out of the space (or lead
 * nowhere) are never followed. Links inside a folder are deleted and copied as links. User names
 * must be safe folder names ({@value #USER_NAME_RULE}).
 *
 * <p>Writes go to a temporary file in {@code <ocm.data-dir>/files/.partial/} and are then renamed
 * over the target, so readers see the old or the new content, never a partial one. ETags are
 * derived from the file's identity (inode), size and modification time.
 *
 * <p>Thread-safe: it holds no mutable state; concurrency is left to the file system. It does not
 * defend against a local user of the server machine swapping folders for links while a request runs
 * (Java has no portable {@code openat}).
 */
@ApplicationScoped
public class FileSystemStorage implements ResourceStorage {

    private static final Logger LOG = Logger.getLogger(FileSystemStorage.class.getName());

    private static final String USER_NAME_RULE =
            "1 to 64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit";

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

    private final Path filesDir;

    /** For CDI's client proxy only. */
    protected FileSystemStorage() {
        this.filesDir = null;
    }

    /**
     * @param settings where the data directory is
     */
    @Inject
    public FileSystemStorage(OcmSettings settings) {
        this(settings.dataDir().resolve("files"));
    }

    /**
     * @param filesDir the folder holding one folder per user (created when needed)
     */
    public FileSystemStorage(Path filesDir) {
        this.filesDir = filesDir.toAbsolutePath().normalize();
    }

    @Override
    public Optional<ResourceInfo> stat(String user, ResourcePath path) {
        Location location = locate(user, path);
        return location.exists() ? describe(location) : Optional.empty();
    }

    @Override
    public ResourceContent read(String user, ResourcePath path, Optional<ByteRange> range) {
        Location location = locate(user, path);
        ResourceInfo info = existing(location);
        if (info.folder()) {
            throw new ResourceConflictException(path, "it is a folder, not a file");
        }
        long offset = range.map(ByteRange::offset).orElse(0L);
        if (offset > 0 && offset >= info.size()) {
            throw new ResourceRangeException(path, info.size());
        }
        long length =
                Math.min(range.map(ByteRange::length).orElse(Long.MAX_VALUE), info.size() - offset);
        return new ResourceContent(info, offset, length, open(location, offset, length));
    }

    @Override
    public WriteResult write(String user, ResourcePath path, InputStream content) {
        if (path.isRoot()) {
            throw new ResourceConflictException(path, "the root folder cannot become a file");
        }
        Location location = locate(user, path);
        if (location.exists() && Files.isDirectory(location.file())) {
            throw new ResourceConflictException(path, "it is a folder; a file cannot replace it");
        }
        makeFolders(user, path.parent());
        boolean created = !location.exists();
        Path partial = receive(content);
        try {
            replace(partial, locate(user, path));
        } finally {
            deleteQuietly(partial);
        }
        return new WriteResult(existing(locate(user, path)), created);
    }

    @Override
    public WriteResult createFolder(String user, ResourcePath path) {
        boolean created = makeFolders(user, path);
        return new WriteResult(existing(locate(user, path)), created);
    }

    @Override
    public void delete(String user, ResourcePath path) {
        if (path.isRoot()) {
            throw new ResourceConflictException(path, "the root folder cannot be deleted");
        }
        Location location = locate(user, path);
        existing(location);
        deleteTree(location.file());
    }

    @Override
    public List<ResourceInfo> list(String user, ResourcePath path) {
        Location location = locate(user, path);
        if (!existing(location).folder()) {
            throw new ResourceConflictException(path, "it is a file, not a folder");
        }
        List<ResourceInfo> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(location.file())) {
            for (Path child : children) {
                visibleEntry(user, path, child.getFileName().toString()).ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw failure("listing", path, e);
        }
        entries.sort(Comparator.comparing(ResourceInfo::name));
        return entries;
    }

    @Override
    public WriteResult move(String user, ResourcePath from, ResourcePath to, boolean overwrite) {
        Location source = prepareTransfer(user, from, to, "moved");
        Location target = clearTarget(user, to, overwrite);
        try {
            Files.move(source.file(), target.file(), LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw new ResourceConflictException(to, "something appeared there meanwhile");
        } catch (IOException e) {
            throw failure("moving", from, e);
        }
        return new WriteResult(existing(locate(user, to)), !target.exists());
    }

    @Override
    public WriteResult copy(String user, ResourcePath from, ResourcePath to, boolean overwrite) {
        Location source = prepareTransfer(user, from, to, "copied");
        Location target = clearTarget(user, to, overwrite);
        copyTree(source.file(), target.file(), to);
        return new WriteResult(existing(locate(user, to)), !target.exists());
    }

    /** A path of a user's space on disk, checked to stay inside the space. */
    private record Location(ResourcePath path, Path file, boolean exists) {}

    private Location locate(String user, ResourcePath path) {
        Path root = userRoot(user);
        Path file = root;
        for (String name : path.names()) {
            file = file.resolve(name);
        }
        Path deepest = file;
        while (!Files.exists(deepest, LinkOption.NOFOLLOW_LINKS)) {
            deepest = deepest.getParent();
        }
        checkInside(user, path, root, deepest);
        return new Location(path, file, deepest.equals(file));
    }

    private void checkInside(String user, ResourcePath path, Path root, Path existing) {
        try {
            if (existing.toRealPath().startsWith(root.toRealPath())) {
                return;
            }
        } catch (NoSuchFileException danglingLink) {
            // a link whose target does not exist: where it leads cannot be checked
        } catch (IOException e) {
            throw failure("resolving", path, e);
        }
        LOG.warning(
                "OCM-0602 Path of user "
                        + user
                        + " rejected: it follows a link out of the user's space ("
                        + path
                        + ")");
        throw new InvalidResourcePathException("it follows a link out of your space");
    }

    private Path userRoot(String user) {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new InvalidUserNameException(
                    "the name cannot own files here; it must be " + USER_NAME_RULE);
        }
        Path root = filesDir.resolve(user);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the space of user " + user + " failed", e);
        }
        return root;
    }

    private ResourceInfo existing(Location location) {
        return describe(location).orElseThrow(() -> new ResourceNotFoundException(location.path()));
    }

    /** Empty for things that are neither a regular file nor a folder (devices, pipes). */
    private Optional<ResourceInfo> describe(Location location) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(location.file(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("reading", location.path(), e);
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            return Optional.empty();
        }
        return Optional.of(
                new ResourceInfo(
                        location.path(),
                        location.path().name(),
                        attributes.isDirectory(),
                        attributes.isDirectory() ? 0 : attributes.size(),
                        attributes.lastModifiedTime().toInstant(),
                        etag(attributes)));
    }

    private Optional<ResourceInfo> visibleEntry(String user, ResourcePath folder, String name) {
        try {
            return stat(user, folder.child(name));
        } catch (InvalidResourcePathException hidden) {
            return Optional.empty();
        }
    }

    private static String etag(BasicFileAttributes attributes) {
        String identity =
                attributes.fileKey()
                        + "|"
                        + attributes.size()
                        + "|"
                        + attributes.lastModifiedTime().toInstant();
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(identity.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private InputStream open(Location location, long offset, long length) {
        try {
            FileChannel channel =
                    FileChannel.open(
                            location.file().toRealPath(),
                            StandardOpenOption.READ,
                            LinkOption.NOFOLLOW_LINKS);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw failure("opening", location.path(), e);
        }
    }

    /** Copies the stream into a new temporary file on the same disk as the spaces. */
    private Path receive(InputStream content) {
        Path partial = null;
        try {
            Path partials = Files.createDirectories(filesDir.resolve(".partial"));
            partial = Files.createTempFile(partials, "upload-", ".part");
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            return partial;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("receiving an upload failed", e);
        }
    }

    private void replace(Path partial, Location target) {
        try {
            try {
                Files.move(
                        partial,
                        target.file(),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException otherDisk) {
                Files.move(partial, target.file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (Files.isDirectory(target.file())) {
                throw new ResourceConflictException(
                        target.path(), "it is a folder; a file cannot replace it");
            }
            throw failure("writing", target.path(), e);
        }
    }

    /**
     * @return {@code true} if the folder itself was created
     */
    private boolean makeFolders(String user, ResourcePath folder) {
        boolean created = false;
        ResourcePath current = ResourcePath.root();
        for (String name : folder.names()) {
            current = current.child(name);
            Location location = locate(user, current);
            if (location.exists() && !Files.isDirectory(location.file())) {
                throw new ResourceConflictException(current, "it is a file, not a folder");
            }
            created = !location.exists() && makeFolder(location);
        }
        return created;
    }

    /**
     * @return {@code true} if this call created it, {@code false} if a concurrent call did
     */
    private boolean makeFolder(Location location) {
        try {
            Files.createDirectory(location.file());
            return true;
        } catch (FileAlreadyExistsException raced) {
            if (Files.isDirectory(location.file(), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw new ResourceConflictException(location.path(), "it is a file, not a folder");
        } catch (IOException e) {
            throw failure("creating", location.path(), e);
        }
    }

    private Location prepareTransfer(String user, ResourcePath from, ResourcePath to, String verb) {
        if (from.isRoot()) {
            throw new ResourceConflictException(from, "the root folder cannot be " + verb);
        }
        if (to.isRoot()) {
            throw new ResourceConflictException(to, "the root folder cannot be replaced");
        }
        if (from.contains(to)) {
            throw new ResourceConflictException(to, "it lies inside '" + from + "'");
        }
        Location source = locate(user, from);
        existing(source);
        Location parent = locate(user, to.parent());
        if (!parent.exists() || !Files.isDirectory(parent.file())) {
            throw new ResourceConflictException(to, "its parent folder does not exist");
        }
        return source;
    }

    private Location clearTarget(String user, ResourcePath to, boolean overwrite) {
        Location target = locate(user, to);
        if (target.exists() && !overwrite) {
            throw new ResourceConflictException(to, "it already exists");
        }
        if (target.exists()) {
            deleteTree(target.file());
        }
        return target;
    }

    private void copyTree(Path source, Path target, ResourcePath to) {
        try {
            Files.walkFileTree(
                    source,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path folder, BasicFileAttributes attributes) throws IOException {
                            Files.createDirectory(target.resolve(source.relativize(folder)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                                throws IOException {
                            Files.copy(
                                    file,
                                    target.resolve(source.relativize(file)),
                                    LinkOption.NOFOLLOW_LINKS);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (FileAlreadyExistsException e) {
            throw new ResourceConflictException(to, "something appeared there meanwhile");
        } catch (IOException e) {
            throw failure("copying to", to, e);
        }
    }

    /** Deletes a file, a link (not its target) or a folder with its content. */
    private static void deleteTree(Path top) {
        try {
            Files.walkFileTree(
                    top,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path folder, IOException error)
                                throws IOException {
                            if (error != null) {
                                throw error;
                            }
                            Files.deleteIfExists(folder);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("deleting failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("OCM-0603 A temporary upload file could not be removed: " + e);
        }
    }

    private static UncheckedIOException failure(String action, ResourcePath path, IOException e) {
        return new UncheckedIOException(action + " '" + path + "' failed", e);
    }
}
