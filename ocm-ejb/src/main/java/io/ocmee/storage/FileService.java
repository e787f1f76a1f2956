package io.ocmee.storage;

import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourceNotFoundException;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceStorage;
import io.ocmee.spi.WriteResult;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The calling user's own files, in the {@link ResourceStorage} the host provides. Every operation
 * needs the {@code ocm-user} role and acts only in the caller's space.
 *
 * <p>Paths arrive as text from the user API and are parsed with {@link ResourcePath#parse}; a path
 * that tries to leave the space is logged ({@code OCM-0601}) and refused with {@link
 * InvalidResourcePathException}. Storage exceptions reach the caller unwrapped. No transaction is
 * opened: files are not transactional, and an upload may take longer than a transaction timeout.
 */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class.getName());

    @Resource private SessionContext session;

    @Inject private ResourceStorage storage;

    /**
     * Stores an upload as a file, creating missing parent folders.
     *
     * @param path the file's path in the caller's space
     * @param content the bytes, read to the end but not closed
     * @return the file and whether it is new
     * @throws InvalidResourcePathException if the path is unsafe
     * @throws io.ocmee.spi.ResourceConflictException if a folder is at the path or a parent is a
     *     file
     */
    public WriteResult upload(String path, InputStream content) {
        String user = caller();
        return storage.write(user, parse(user, path), content);
    }

    /**
     * Reads a file or lists a folder.
     *
     * @param path the path in the caller's space; empty for the root folder
     * @return the listing or the open file (to be closed by the receiver)
     * @throws InvalidResourcePathException if the path is unsafe
     * @throws ResourceNotFoundException if nothing is there
     */
    public FileRead read(String path) {
        String user = caller();
        ResourcePath resource = parse(user, path);
        ResourceInfo info =
                storage.stat(user, resource)
                        .orElseThrow(() -> new ResourceNotFoundException(resource));
        if (info.folder()) {
            return new FileRead.Listing(info, storage.list(user, resource));
        }
        return new FileRead.Download(
                storage.read(user, resource, Optional.empty()), ContentTypes.guess(info.name()));
    }

    /**
     * Describes a file or folder without opening it.
     *
     * @param path the path in the caller's space; empty for the root folder
     * @return the file or folder
     * @throws InvalidResourcePathException if the path is unsafe
     * @throws ResourceNotFoundException if nothing is there
     */
    public ResourceInfo describe(String path) {
        String user = caller();
        ResourcePath resource = parse(user, path);
        return storage.stat(user, resource)
                .orElseThrow(() -> new ResourceNotFoundException(resource));
    }

    /**
     * Deletes a file, or a folder with its content.
     *
     * @param path the path in the caller's space
     * @throws InvalidResourcePathException if the path is unsafe
     * @throws ResourceNotFoundException if nothing is there
     * @throws io.ocmee.spi.ResourceConflictException if the path is the root folder
     */
    public void delete(String path) {
        String user = caller();
        storage.delete(user, parse(user, path));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static ResourcePath parse(String user, String path) {
        try {
            return ResourcePath.parse(path);
        } catch (InvalidResourcePathException e) {
            LOG.warning("OCM-0601 File path of user " + user + " refused: " + e.getMessage());
            throw e;
        }
    }
}
