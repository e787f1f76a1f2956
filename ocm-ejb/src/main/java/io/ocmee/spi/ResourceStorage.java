package io.ocmee.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The files and folders of local users, as the module reads and writes them: the seam through which
 * the host EFSS lends its own storage to OCM (the resources users share, and later the WebDAV
 * access of peers). The embedded default keeps them on the local disk ({@code
 * io.ocmee.storage.FileSystemStorage}); a host supplies its own through a CDI bean annotated
 * {@code @Alternative @Priority(...)}.
 *
 * <p><b>Spaces.</b> Every user has one space, a folder tree addressed by a {@link ResourcePath}
 * relative to its root. An implementation must never let an operation reach anything outside the
 * caller's space, whatever the path: {@link ResourcePath} already excludes lexical escapes, and the
 * implementation must additionally refuse links, mounts or aliases that lead out of the space
 * (throwing {@link InvalidResourcePathException}). The root folder always exists (implementations
 * create it on first use) and cannot be deleted, moved or replaced by a file.
 *
 * <p><b>Users.</b> {@code user} is the login name of a local user (the caller principal's name),
 * already authenticated and authorised by the caller; the storage does not check permissions
 * between users. A name that cannot own a space causes {@link InvalidUserNameException}.
 *
 * <p><b>Failures.</b> Requests that cannot be carried out because of what was asked throw the
 * unchecked subclasses of {@link ResourceStorageException}, whose messages are fit for end users
 * and never contain absolute server paths. A failure of the storage itself (disk full, I/O error)
 * throws {@link java.io.UncheckedIOException}, which callers log and report as an internal error.
 * Arguments must not be {@code null}.
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Single operations on one path are atomic
 * where the underlying storage allows it: a reader sees either the old or the new content of a
 * file, never a partly written one. Recursive operations (deleting, moving or copying a folder) are
 * not atomic as a whole.
 */
public interface ResourceStorage {

    /**
     * Turns a path as a user or a host application wrote it ({@code /docs/a.txt}, {@code
     * docs/a.txt}) into a path of the user's space. The default accepts the module's {@link
     * ResourcePath} syntax with an optional leading slash; a host whose paths differ (ids, a mount
     * prefix) overrides it.
     *
     * @param user the owner of the space
     * @param path the path as written
     * @return the path in the space
     * @throws InvalidResourcePathException if the path is malformed or leads out of the space
     */
    default ResourcePath resolve(String user, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return ResourcePath.parse(relative);
    }

    /**
     * Whether a user may do something with a file or folder of their space. The module asks before
     * sharing ({@link Access#SHARE}); hosts with their own access rules (read-only mounts,
     * classified folders, policies against external sharing) refuse here. The default permits
     * everything in the user's own space.
     *
     * @param user the owner of the space, already authenticated
     * @param path the file or folder
     * @param access what the user wants to do
     * @return {@code true} if permitted
     */
    default boolean permits(String user, ResourcePath path, Access access) {
        return true;
    }

    /**
     * Describes the file or folder at a path.
     *
     * @param user the owner of the space
     * @param path the path in the space
     * @return the file or folder, or empty if nothing is there
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    Optional<ResourceInfo> stat(String user, ResourcePath path);

    /**
     * Opens a file for reading, whole or in part, without loading it into memory.
     *
     * @param user the owner of the space
     * @param path the file
     * @param range the bytes wanted, or empty for the whole file; a range running past the end is
     *     cut at the end
     * @return the open content; the caller must close it
     * @throws ResourceNotFoundException if nothing is at the path
     * @throws ResourceConflictException if the path is a folder
     * @throws ResourceRangeException if the range starts at or beyond the end of a non-empty file
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    ResourceContent read(String user, ResourcePath path, Optional<ByteRange> range);

    /**
     * Stores the bytes of a stream as a file, creating missing parent folders and replacing an
     * existing file. The stream is read to its end but not closed. Readers never see a partly
     * written file; if the stream fails, the previous file (if any) stays as it was.
     *
     * @param user the owner of the space
     * @param path the file
     * @param content the new content
     * @return the file written, and whether it is new
     * @throws ResourceConflictException if the path is a folder or the root, or a parent is a file
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    WriteResult write(String user, ResourcePath path, InputStream content);

    /**
     * Creates a folder and any missing parents ({@code mkdir -p}).
     *
     * @param user the owner of the space
     * @param path the folder
     * @return the folder; {@code created} is {@code false} if it already existed
     * @throws ResourceConflictException if the path or one of its parents is a file
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    WriteResult createFolder(String user, ResourcePath path);

    /**
     * Deletes a file, or a folder with everything in it. Links inside a folder are removed, never
     * followed.
     *
     * @param user the owner of the space
     * @param path the file or folder
     * @throws ResourceNotFoundException if nothing is at the path
     * @throws ResourceConflictException if the path is the root
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    void delete(String user, ResourcePath path);

    /**
     * Lists the entries of a folder, ordered by name. Entries that the storage would refuse to open
     * (such as links leading out of the space) are left out.
     *
     * @param user the owner of the space
     * @param path the folder
     * @return its direct entries
     * @throws ResourceNotFoundException if nothing is at the path
     * @throws ResourceConflictException if the path is a file
     * @throws InvalidResourcePathException if the path leads out of the space
     */
    List<ResourceInfo> list(String user, ResourcePath path);

    /**
     * Moves or renames a file or folder inside the space (WebDAV {@code MOVE}).
     *
     * @param user the owner of the space
     * @param from the file or folder to move
     * @param to its new path, whose parent folder must exist
     * @param overwrite whether something already at {@code to} is replaced (deleted first)
     * @return what is now at {@code to}, and whether {@code to} was free before
     * @throws ResourceNotFoundException if nothing is at {@code from}
     * @throws ResourceConflictException if {@code to} is taken and {@code overwrite} is {@code
     *     false}, the parent of {@code to} is missing or a file, {@code to} lies inside {@code
     *     from}, or either is the root
     * @throws InvalidResourcePathException if either path leads out of the space
     */
    WriteResult move(String user, ResourcePath from, ResourcePath to, boolean overwrite);

    /**
     * Copies a file, or a folder with everything in it, inside the space (WebDAV {@code COPY}).
     * Links are copied as links, never followed.
     *
     * @param user the owner of the space
     * @param from the file or folder to copy
     * @param to the path of the copy, whose parent folder must exist
     * @param overwrite whether something already at {@code to} is replaced (deleted first)
     * @return the copy, and whether {@code to} was free before
     * @throws ResourceNotFoundException if nothing is at {@code from}
     * @throws ResourceConflictException if {@code to} is taken and {@code overwrite} is {@code
     *     false}, the parent of {@code to} is missing or a file, {@code to} lies inside {@code
     *     from}, or {@code to} is the root
     * @throws InvalidResourcePathException if either path leads out of the space
     */
    WriteResult copy(String user, ResourcePath from, ResourcePath to, boolean overwrite);
}
