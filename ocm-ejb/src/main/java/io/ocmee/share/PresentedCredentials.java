package io.ocmee.share;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the credentials a receiving server presents on a share's WebDAV access (OCM-NOTES §8.1, §11
 * Q9, Q19, Q20; checklist S56, S57) from an {@code Authorization} field. Each form yields one
 * candidate, to be tried as an exchanged access token and then as the share's secret:
 *
 * <ul>
 *   <li>{@code Bearer <token or secret>} (scheme case-insensitive);
 *   <li>{@code Basic base64(<secret>:)}: the legacy form, the secret as user name with an empty
 *       password, which also covers Nextcloud/ownCloud public links where the share token is the
 *       user name; any password is ignored. With an empty user name the password is the candidate
 *       ({@code Basic base64(:<secret>)}).
 * </ul>
 *
 * Anything else (no field, another scheme, undecodable Basic) yields no candidate. Stateless.
 */
public final class PresentedCredentials {

    /** Longest candidate considered; our secrets and tokens have 43 characters. */
    static final int MAX_CHARS = 1024;

    private PresentedCredentials() {}

    /**
     * @param authorization the {@code Authorization} field value, or {@code null}
     * @return the candidates, possibly none
     */
    public static List<String> candidates(String authorization) {
        List<String> candidates = new ArrayList<>();
        if (authorization == null) {
            return candidates;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return candidates;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        switch (scheme) {
            case "bearer" -> add(candidates, rest);
            case "basic" -> basic(candidates, rest);
            default -> {
                // another scheme: no candidate
            }
        }
        return candidates;
    }

    private static void basic(List<String> candidates, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        add(candidates, user.isEmpty() ? password : user);
    }

    private static void add(List<String> candidates, String candidate) {
        if (!candidate.isEmpty()
                && candidate.length() <= MAX_CHARS
                && candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            candidates.add(candidate);
        }
    }
}
