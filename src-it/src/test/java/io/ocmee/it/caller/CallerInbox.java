package io.ocmee.it.caller;

import io.ocmee.api.InboxLocal;
import io.ocmee.api.IncomingContent;
import io.ocmee.api.IncomingEntryInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The host reading its users' received shares through the module's inbox view: answers are short
 * text the test compares, content is summarised by length and SHA-256.
 */
@Stateless
@PermitAll
public class CallerInbox {

    /** The module's inbox view. */
    public static final String INBOX = "java:global/ocm-micro/InboxBean!io.ocmee.api.InboxLocal";

    /**
     * @param name a received share's name
     * @return {@code <id> <state>} of the caller's share of that name, or {@code none}
     */
    public String find(String name) {
        return CallerBean.inbox().list().stream()
                .filter(s -> s.name().equals(name))
                .map(s -> s.id() + " " + s.state())
                .findFirst()
                .orElse("none");
    }

    /**
     * @param request with {@code id} and {@code path}
     * @return the folder's items in name order, {@code name/} for folders and {@code name:size} for
     *     files, separated by commas
     */
    public String listing(HttpServletRequest request) {
        return CallerBean.inbox()
                .listing(request.getParameter("id"), request.getParameter("path"))
                .stream()
                .sorted(Comparator.comparing(IncomingEntryInfo::name))
                .map(e -> e.folder() ? e.name() + "/" : e.name() + ":" + e.size())
                .collect(Collectors.joining(","));
    }

    /**
     * @param request with {@code id} and {@code path}
     * @return {@code <length> <sha-256> <content type>} of the file read whole
     */
    public String read(HttpServletRequest request) {
        IncomingContent content =
                CallerBean.inbox().read(request.getParameter("id"), request.getParameter("path"));
        return content.length() + " " + sha256(content.bytes()) + " " + content.contentType();
    }

    /**
     * @param request with {@code id} and {@code path}
     * @return {@code <length> <sha-256>} of the file streamed
     */
    public String open(HttpServletRequest request) {
        InboxLocal inbox = CallerBean.inbox();
        try (InputStream in =
                inbox.open(request.getParameter("id"), request.getParameter("path"))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            long length = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                length += n;
            }
            return length + " " + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param bytes some content
     * @return its SHA-256 in lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
