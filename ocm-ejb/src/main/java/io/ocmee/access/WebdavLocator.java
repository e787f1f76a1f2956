package io.ocmee.access;

import io.ocmee.access.ShareAccessException.Reason;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.share.IncomingShareGrant;
import io.ocmee.share.ProtocolShape;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.ResourcePath;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds the WebDAV URL of a share's resource on the sending server (OCM-NOTES §8.1 steps 1, 4–6,
 * §8.2, §11 Q14), and of items inside a shared folder.
 *
 * <ul>
 *   <li>An absolute {@code uri} is used as it is. It must be {@code http(s)}, name the sending
 *       server's host (a sender can only grant access to its own resources; any port), and carry no
 *       user info, query or fragment.
 *   <li>A {@code /}-prefixed {@code uri} is a path on the sender's host (Reva).
 *   <li>Any other non-empty {@code uri} is the share's key below the sender's WebDAV path, the
 *       {@code webdav} path discovery publishes for the share's resource type (else {@code file}'s,
 *       else the first).
 *   <li>No or an empty {@code uri} (legacy {@code options} shares, v1.0) is the WebDAV root itself,
 *       which legacy servers serve for the secret given as Basic user (§8.1 step 5, Q20).
 * </ul>
 *
 * Sub-paths are parsed with the rules of {@link ResourcePath} (no {@code .}/{@code ..}, also not
 * percent-encoded, no empty segments, no backslashes or control characters) before any URL is
 * built, and each name is percent-encoded as one path segment: a sub-path cannot leave the share.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebdavLocator {

    private WebdavLocator() {}

    /**
     * @param grant the share
     * @param sender the sending server's discovery
     * @param allowHttp whether plain {@code http} URIs are acceptable (test setups)
     * @return the URL of the share's resource, without a trailing slash
     * @throws ShareAccessException {@link Reason#REMOTE_ERROR} if the {@code uri} is unusable or
     *     the sender publishes no WebDAV path where one is needed
     */
    public static URI shareRoot(IncomingShareGrant grant, PeerDiscovery sender, boolean allowHttp) {
        String uri = grant.uri().map(String::strip).orElse("");
        if (uri.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return absolute(uri, grant, allowHttp);
        }
        if (uri.startsWith("/")) {
            return onSenderHost(sender, checkedPath(uri, grant));
        }
        URI root = webdavRoot(grant, sender);
        if (uri.isEmpty()) {
            return root;
        }
        return append(root, key(uri, grant));
    }

    /**
     * @param root the share's resource URL, from {@link #shareRoot}
     * @param subPath a validated path inside the share; the root for the share itself
     * @return the URL of that item, each name encoded as one segment
     */
    public static URI resolve(URI root, ResourcePath subPath) {
        URI target = root;
        for (String name : subPath.names()) {
            target = append(target, encodeSegment(name));
        }
        return target;
    }

    /**
     * @param text a sub-path as the user sent it (already URL-decoded once); empty for the root
     * @return the validated path
     * @throws ShareAccessException {@link Reason#INVALID_REQUEST} if it could leave the share or is
     *     malformed
     */
    public static ResourcePath subPath(String text) {
        try {
            return ResourcePath.parse(text);
        } catch (InvalidResourcePathException e) {
            throw new ShareAccessException(Reason.INVALID_REQUEST, e.getMessage(), e);
        }
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters and the sub-delimiters, {@code
     * :} and {@code @}, that a path segment may carry as they are; {@code %} itself is encoded, so
     * the name is taken literally.
     *
     * @param name a name
     * @return the encoded segment
     */
    static String encodeSegment(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isSegmentChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean isSegmentChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static URI absolute(String text, IncomingShareGrant grant, boolean allowHttp) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw unusable(grant, "its uri is not a valid URI");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw unusable(grant, "its uri has the scheme '" + scheme + "'");
        }
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw unusable(grant, "its uri must have a host and no user info, query or fragment");
        }
        if (!uri.getHost().equalsIgnoreCase(senderHost(grant))) {
            throw unusable(grant, "its uri points to another server, " + uri.getHost());
        }
        checkedPath(uri.getRawPath() == null ? "" : uri.getRawPath(), grant);
        return stripTrailingSlash(uri);
    }

    private static URI webdavRoot(IncomingShareGrant grant, PeerDiscovery sender) {
        String path =
                sender.webdavPath(grant.resourceType())
                        .orElseThrow(
                                () ->
                                        unusable(
                                                grant,
                                                "the sender publishes no webdav path in its"
                                                        + " discovery"));
        if (path.regionMatches(true, 0, "https://", 0, 8)
                || path.regionMatches(true, 0, "http://", 0, 7)) {
            URI uri = URI.create(path);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(senderHost(grant))) {
                throw unusable(grant, "its webdav path points to another server");
            }
            return stripTrailingSlash(uri);
        }
        return onSenderHost(sender, checkedPath(path.startsWith("/") ? path : "/" + path, grant));
    }

    private static URI onSenderHost(PeerDiscovery sender, String rawPath) {
        return stripTrailingSlash(URI.create(sender.baseUri().toString() + rawPath));
    }

    /** A raw path from a peer: no dot segments (also encoded), no backslash, nothing odd. */
    private static String checkedPath(String rawPath, IncomingShareGrant grant) {
        if (!rawPath.matches("[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*")) {
            throw unusable(grant, "its WebDAV path has characters a URL path cannot carry");
        }
        String decoded = rawPath;
        for (int round = 0; round < 4; round++) {
            for (String segment : decoded.split("[/\\\\]", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    throw unusable(grant, "its WebDAV path has a '.' or '..' segment");
                }
            }
            String next = percentDecode(decoded);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        try {
            URI.create("http://h" + rawPath);
        } catch (IllegalArgumentException e) {
            throw unusable(grant, "its WebDAV path is not a valid URL path");
        }
        return rawPath;
    }

    private static String key(String key, IncomingShareGrant grant) {
        StringBuilder encoded = new StringBuilder();
        for (String name : key.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw unusable(grant, "its uri is not a usable key");
            }
            if (!encoded.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(encodeSegment(name));
        }
        return encoded.toString();
    }

    private static URI append(URI base, String encodedSegments) {
        return URI.create(stripTrailingSlash(base).toString() + "/" + encodedSegments);
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/") && !text.endsWith("://")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String senderHost(IncomingShareGrant grant) {
        String server = grant.senderServer();
        if (server.startsWith("[")) {
            return server.substring(0, server.indexOf(']') + 1);
        }
        int colon = server.lastIndexOf(':');
        return colon < 0 ? server : server.substring(0, colon);
    }

    private static String percentDecode(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ShareAccessException unusable(IncomingShareGrant grant, String why) {
        return new ShareAccessException(
                Reason.REMOTE_ERROR,
                "Access rejected: share "
                        + grant.id()
                        + " from "
                        + grant.senderServer()
                        + " cannot be reached: "
                        + why);
    }

    /**
     * @param shape a protocol shape
     * @return {@code true} for the legacy {@code options} form, accessed with HTTP Basic
     */
    static boolean legacy(ProtocolShape shape) {
        return shape == ProtocolShape.OPTIONS;
    }
}
