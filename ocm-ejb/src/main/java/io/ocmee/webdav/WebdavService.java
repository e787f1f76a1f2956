package io.ocmee.webdav;

import io.ocmee.share.ShareAccessService;
import io.ocmee.share.ShareGrant;
import io.ocmee.spi.ByteRange;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.ResourceConflictException;
import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourceNotFoundException;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceRangeException;
import io.ocmee.spi.ResourceStorage;
import io.ocmee.spi.ResourceStorageException;
import io.ocmee.spi.WriteResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the resources of our outgoing shares to their receivers over WebDAV (OCM-NOTES §8,
 * checklist S55–S58). Each operation: authorise the request for the share ({@link
 * ShareAccessService}, 401), check the share's permission for the method (403), resolve the path
 * inside the share ({@link SharePaths}, 400/404), then act as the share's owner through {@link
 * ResourceStorage}, which also refuses links leading out of the owner's space. Reading needs {@code
 * read}; {@code PUT}, {@code DELETE}, {@code MKCOL}, {@code MOVE} and {@code COPY} need {@code
 * write} and never touch the shared resource itself (its root), except that {@code PUT} may replace
 * a shared file.
 *
 * <p>No transaction spans the file operations (files are not transactional, transfers may be long);
 * storage refusals become {@link DavException}s with their status, storage failures are logged once
 * ({@code OCM-0550}) and answered 500 without details.
 */
@Stateless
// Open to anonymous callers: peers prove themselves by share credentials or signatures, checked
// here. Said explicitly because WildFly denies unannotated methods of beans in a security domain.
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebdavService {

    private static final Logger LOG = Logger.getLogger(WebdavService.class.getName());

    @EJB private ShareAccessService access;

    @Inject private ResourceStorage storage;

    /** What a request may do. */
    public enum Access {
        /** GET, HEAD, PROPFIND, OPTIONS. */
        READ,
        /** PUT, DELETE, MKCOL, MOVE, COPY. */
        WRITE
    }

    /**
     * A resolved request: the share, the path and what is there.
     *
     * @param grant the share
     * @param target the path inside it
     * @param info what is at the path, if anything
     */
    public record Located(ShareGrant grant, SharePaths.Target target, Optional<ResourceInfo> info) {

        /**
         * @return the absolute URL path of the requested resource
         */
        public String href() {
            boolean folder = info.map(ResourceInfo::folder).orElse(false);
            return SharePaths.href(grant, target.relative(), folder, target.byName());
        }
    }

    /**
     * Authorises a request and describes its resource, for OPTIONS, HEAD and the checks before a
     * write.
     *
     * @param rawPath the path below {@code /ocm/webdav}, still percent-encoded: {@code
     *     /<providerId>[/<path>]}, or for the legacy access by credential a path inside the share
     * @param authorization the {@code Authorization} field, or {@code null}
     * @param needed what the method needs
     * @return the resolved request
     * @throws io.ocmee.share.ShareAccessDeniedException 401
     * @throws DavException 403 without the permission, 400/404 for a bad path
     */
    public Located locate(String rawPath, String authorization, Access needed) {
        String[] split = split(rawPath);
        ShareGrant grant = access.authorize(split[0], authorization);
        String inside = grant.atRoot() ? rawPath : split[1];
        if (!grant.readable() && needed == Access.READ) {
            throw new DavException(403, "Request rejected: the share does not grant read");
        }
        if (!grant.writable() && needed == Access.WRITE) {
            throw new DavException(
                    403, "Request rejected: the share does not grant write; it is read-only");
        }
        SharePaths.Target target = SharePaths.resolve(grant, inside);
        Optional<ResourceInfo> info =
                storage(() -> storage.stat(grant.owner(), target.ownerPath()));
        return new Located(grant, target, info);
    }

    /**
     * Opens a file for GET, whole or the one range asked for.
     *
     * @param rangeField the {@code Range} field, or {@code null}
     * @return the open content; the caller closes it
     * @throws DavException 404 if nothing is there, 405 for a folder, 416 for an unsatisfiable
     *     range
     */
    public ResourceContent read(String rawPath, String authorization, String rangeField) {
        Located located = locate(rawPath, authorization, Access.READ);
        ResourceInfo info = existing(located);
        if (info.folder()) {
            throw new DavException(
                    405, "Download rejected: this is a folder; list it with PROPFIND");
        }
        Optional<ByteRange> range = ByteRanges.parse(rangeField, info.size());
        return storage(() -> storage.read(located.grant().owner(), info.path(), range));
    }

    /**
     * @param depth the {@code Depth} field: {@code 0}, {@code 1}, or {@code null} (taken as 1)
     * @return the entries of the multistatus: the resource, then for a folder at depth 1 its
     *     entries
     * @throws DavException 403 (with {@code propfind-finite-depth}) for depth infinity, 400 for
     *     another depth, 404 if nothing is there
     */
    public List<Multistatus.Entry> propfind(String rawPath, String authorization, String depth) {
        boolean children = depth(depth);
        Located located = locate(rawPath, authorization, Access.READ);
        ResourceInfo info = existing(located);
        List<Multistatus.Entry> entries = new ArrayList<>();
        entries.add(new Multistatus.Entry(located.href(), info));
        if (children && info.folder()) {
            for (ResourceInfo child :
                    storage(() -> storage.list(located.grant().owner(), info.path()))) {
                ResourcePath relative = SharePaths.relativize(located.grant(), child.path());
                entries.add(
                        new Multistatus.Entry(
                                SharePaths.href(located.grant(), relative, child.folder(), false),
                                child));
            }
        }
        return entries;
    }

    /**
     * Stores a file (PUT). The parent folder must exist (RFC 4918 §9.7.1).
     *
     * @param body the bytes, read to the end but not closed
     * @return the file and whether it is new
     * @throws DavException 405 onto a folder, 409 when the parent is missing
     */
    public WriteResult put(String rawPath, String authorization, InputStream body) {
        Located located = locate(rawPath, authorization, Access.WRITE);
        if (located.info().map(ResourceInfo::folder).orElse(false)) {
            throw new DavException(405, "Upload rejected: a folder is at this path");
        }
        ResourcePath path = located.target().ownerPath();
        String owner = located.grant().owner();
        if (!located.target().relative().isRoot()) {
            requireParentFolder(owner, path);
        }
        return storage(() -> storage.write(owner, path, body));
    }

    /**
     * Deletes a file or folder inside the share (DELETE); the shared resource itself cannot be.
     *
     * @throws DavException 403 for the share's own resource, 404 if nothing is there
     */
    public void delete(String rawPath, String authorization) {
        Located located = locate(rawPath, authorization, Access.WRITE);
        requireInside(located, "Delete");
        ResourceInfo info = existing(located);
        storage(
                () -> {
                    storage.delete(located.grant().owner(), info.path());
                    return null;
                });
    }

    /**
     * Creates a folder (MKCOL).
     *
     * @return the new folder
     * @throws DavException 405 if something is already there, 409 if the parent is missing
     */
    public WriteResult mkcol(String rawPath, String authorization) {
        Located located = locate(rawPath, authorization, Access.WRITE);
        if (located.info().isPresent()) {
            throw new DavException(405, "Folder rejected: something is already at this path");
        }
        String owner = located.grant().owner();
        ResourcePath path = located.target().ownerPath();
        requireParentFolder(owner, path);
        return storage(() -> storage.createFolder(owner, path));
    }

    /**
     * Moves or copies inside the same share (MOVE, COPY).
     *
     * @param destination the {@code Destination} field
     * @param overwriteField the {@code Overwrite} field ({@code T} by default, or {@code F})
     * @param move {@code true} for MOVE, {@code false} for COPY
     * @return what is at the destination, and whether it was free before
     * @throws DavException 403 outside the share or for the share's own resource, 404 if the source
     *     is missing, 409 if the destination's parent is missing, 412 if the destination is taken
     *     and {@code Overwrite: F}
     */
    public WriteResult transfer(
            String rawPath,
            String authorization,
            String destination,
            String overwriteField,
            boolean move) {
        String what = move ? "Move" : "Copy";
        Located located = locate(rawPath, authorization, Access.WRITE);
        requireInside(located, what);
        ResourceInfo source = existing(located);
        SharePaths.Target to = SharePaths.destination(located.grant(), destination);
        if (to.relative().isRoot()) {
            throw new DavException(
                    403, what + " rejected: the share's own folder cannot be replaced");
        }
        if (to.ownerPath().equals(source.path())) {
            throw new DavException(403, what + " rejected: source and destination are the same");
        }
        boolean overwrite =
                !"F".equalsIgnoreCase(overwriteField == null ? "T" : overwriteField.strip());
        String owner = located.grant().owner();
        if (!overwrite && storage(() -> storage.stat(owner, to.ownerPath())).isPresent()) {
            throw new DavException(
                    412, what + " rejected: the destination exists and Overwrite is F");
        }
        requireParentFolder(owner, to.ownerPath());
        return storage(
                () ->
                        move
                                ? storage.move(owner, source.path(), to.ownerPath(), overwrite)
                                : storage.copy(owner, source.path(), to.ownerPath(), overwrite));
    }

    /**
     * @param rawPath the path below {@code /ocm/webdav}, e.g. {@code /<providerId>/a/b} or empty
     * @return the first segment (the provider id, percent-decoded, possibly empty) and the rest
     */
    static String[] split(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        return new String[] {SharePaths.percentDecode(first), rest};
    }

    private static boolean depth(String depth) {
        if (depth == null || depth.isBlank()) {
            return true;
        }
        return switch (depth.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "0" -> false;
            case "1" -> true;
            case "infinity" ->
                    throw new DavException(
                            403,
                            "PROPFIND rejected: Depth infinity is not served; use Depth 0 or 1",
                            "propfind-finite-depth");
            default -> throw new DavException(400, "PROPFIND rejected: Depth must be 0 or 1");
        };
    }

    private static ResourceInfo existing(Located located) {
        return located.info()
                .orElseThrow(
                        () ->
                                new DavException(
                                        404,
                                        "Resource rejected: nothing is at this path of the share"));
    }

    private static void requireInside(Located located, String what) {
        if (located.target().relative().isRoot()) {
            throw new DavException(
                    403, what + " rejected: the shared resource itself cannot be changed this way");
        }
    }

    private void requireParentFolder(String owner, ResourcePath path) {
        boolean parentIsFolder =
                storage(() -> storage.stat(owner, path.parent()))
                        .map(ResourceInfo::folder)
                        .orElse(false);
        if (!parentIsFolder) {
            throw new DavException(409, "Request rejected: the parent folder does not exist");
        }
    }

    /** Runs a storage call, turning its refusals into DAV answers. */
    private static <T> T storage(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceRangeException e) {
            throw new DavException(416, e.getMessage());
        } catch (ResourceNotFoundException e) {
            throw new DavException(404, e.getMessage());
        } catch (ResourceConflictException e) {
            throw new DavException(409, e.getMessage());
        } catch (InvalidResourcePathException e) {
            // a link leading out of the owner's space: as if nothing were there
            throw new DavException(404, "Resource rejected: nothing is at this path of the share");
        } catch (ResourceStorageException e) {
            throw new DavException(404, "Resource rejected: nothing is at this path of the share");
        } catch (UncheckedIOException e) {
            LOG.log(Level.SEVERE, "OCM-0550 Storage failure while serving a share over WebDAV", e);
            throw new DavException(500, "Request failed: a storage error occurred and was logged");
        }
    }
}
