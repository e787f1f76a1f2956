package io.ocmee.webdav;

import io.ocmee.share.ShareGrant;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.ResourcePath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps WebDAV request paths of a share to paths in its owner's space and back (OCM-NOTES §8.1 step
 * 6, §11 Q13). A share lives at {@code /ocm/webdav/<providerId>}:
 *
 * <ul>
 *   <li>a folder share serves its folder there and everything below it at sub-paths;
 *   <li>a single-file share serves its file both there and at {@code /<file name>} (receivers that
 *       mount a file share as a folder); any other sub-path is 404.
 * </ul>
 *
 * A share addressed at the WebDAV root by its credential ({@link ShareGrant#atRoot()}, OCM-NOTES
 * §8.1 step 5) lives at {@code /ocm/webdav} instead, with the same rules. Sub-paths arrive still
 * percent-encoded; each segment is decoded once and must be a valid {@link ResourcePath} name, so
 * {@code ..}, encoded separators and control characters are refused (400). Stateless.
 */
public final class SharePaths {

    /** Where shares are served, below the public URL. */
    public static final String PREFIX = "/ocm/webdav/";

    private SharePaths() {}

    /**
     * A request path inside a share.
     *
     * @param ownerPath the path in the owner's space
     * @param relative the path relative to the shared resource (empty for the shared resource)
     * @param byName for a single-file share: whether it was addressed as {@code /<file name>}
     */
    public record Target(ResourcePath ownerPath, ResourcePath relative, boolean byName) {}

    /**
     * @param grant the share
     * @param rawSubPath the request path after {@code /ocm/webdav/<providerId>}, still
     *     percent-encoded, with or without a leading or trailing {@code /}; empty for the share
     * @return the target
     * @throws DavException 400 for a path that is not a plain relative path, 404 for a sub-path of
     *     a single-file share other than its name
     */
    public static Target resolve(ShareGrant grant, String rawSubPath) {
        ResourcePath relative = decode(rawSubPath);
        if (grant.folder()) {
            List<String> names = new ArrayList<>(grant.path().names());
            names.addAll(relative.names());
            return new Target(new ResourcePath(names), relative, false);
        }
        if (relative.isRoot()) {
            return new Target(grant.path(), relative, false);
        }
        if (relative.names().size() == 1 && relative.name().equals(grant.name())) {
            return new Target(grant.path(), ResourcePath.root(), true);
        }
        throw new DavException(404, "Resource rejected: nothing is at this path of the share");
    }

    /**
     * Resolves a {@code Destination} field (RFC 4918 §10.3) of MOVE or COPY; it must name a path
     * inside the same folder share.
     *
     * @param grant the share
     * @param destination the field value: an absolute URI or an absolute path
     * @return the destination target
     * @throws DavException 400 if missing or malformed; 403 if it leaves the share, names another
     *     share, or the share is a single file
     */
    public static Target destination(ShareGrant grant, String destination) {
        if (destination == null || destination.isBlank()) {
            throw new DavException(400, "Destination rejected: the Destination header is missing");
        }
        String rawPath;
        try {
            rawPath = new URI(destination.strip()).getRawPath();
        } catch (URISyntaxException e) {
            throw new DavException(400, "Destination rejected: it is not a URI");
        }
        String base = base(grant);
        if (rawPath == null || !(rawPath.equals(base) || rawPath.startsWith(base + "/"))) {
            throw new DavException(403, "Destination rejected: it must stay inside the same share");
        }
        if (!grant.folder()) {
            throw new DavException(
                    403,
                    "Destination rejected: a single-file share has no room to move or copy to");
        }
        return resolve(grant, rawPath.substring(base.length()));
    }

    /**
     * @param grant the share
     * @param relative a path relative to the shared resource
     * @param folder whether it is a folder (its href then ends with {@code /})
     * @param byName for a single-file share addressed as {@code /<file name>}
     * @return the absolute path of its WebDAV URL, each name percent-encoded
     */
    public static String href(
            ShareGrant grant, ResourcePath relative, boolean folder, boolean byName) {
        StringBuilder href = new StringBuilder(base(grant));
        if (byName) {
            href.append('/').append(encode(grant.name()));
        }
        for (String name : relative.names()) {
            href.append('/').append(encode(name));
        }
        if (folder) {
            href.append('/');
        }
        return href.toString();
    }

    /**
     * @return the URL path of the share: {@code /ocm/webdav/<providerId>}, or {@code /ocm/webdav}
     *     when it was addressed at the root by its credential ({@link ShareGrant#atRoot()})
     */
    static String base(ShareGrant grant) {
        return grant.atRoot()
                ? PREFIX.substring(0, PREFIX.length() - 1)
                : PREFIX + encode(grant.providerId());
    }

    /**
     * @param ownerPath a path in the owner's space inside the shared folder
     * @param grant the share
     * @return the path relative to the shared resource
     */
    public static ResourcePath relativize(ShareGrant grant, ResourcePath ownerPath) {
        List<String> names = ownerPath.names();
        return new ResourcePath(names.subList(grant.path().names().size(), names.size()));
    }

    private static ResourcePath decode(String rawSubPath) {
        String path = rawSubPath == null ? "" : rawSubPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return ResourcePath.root();
        }
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            names.add(percentDecode(segment));
        }
        try {
            return new ResourcePath(names);
        } catch (InvalidResourcePathException e) {
            throw new DavException(400, e.getMessage());
        }
    }

    static String percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%'
                    && i + 2 < segment.length()
                    && Character.digit(segment.charAt(i + 1), 16) >= 0
                    && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes a name for a URL path: everything but RFC 3986 unreserved characters. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '-'
                            || c == '.'
                            || c == '_'
                            || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
