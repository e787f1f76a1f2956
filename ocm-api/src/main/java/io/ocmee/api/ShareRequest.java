package io.ocmee.api;

import java.io.Serializable;
import java.util.List;

/**
 * What a local user shares with whom.
 *
 * @param shareWith the recipient's OCM address, {@code user@host[:port]}
 * @param path the file or folder in the caller's space, e.g. {@code /docs/report.pdf}
 * @param permissions wire names: {@code read}, {@code write}, {@code share}
 * @param expiration when the share expires, as Unix seconds, or {@code null} for never
 * @param shareType {@code user} or {@code group}; {@code null} means {@code user}
 * @param mustExchangeToken whether the receiver must exchange the secret for a token
 */
public record ShareRequest(
        String shareWith,
        String path,
        List<String> permissions,
        Long expiration,
        String shareType,
        boolean mustExchangeToken)
        implements Serializable {

    /** Copies the permissions; a {@code null} list stays {@code null} (refused by the service). */
    public ShareRequest {
        permissions = permissions == null ? null : List.copyOf(permissions);
    }

    /**
     * @param shareWith the recipient's OCM address
     * @param path the file or folder
     * @param permissions wire names
     * @return a user share that never expires and needs no token exchange
     */
    public static ShareRequest of(String shareWith, String path, String... permissions) {
        return new ShareRequest(shareWith, path, List.of(permissions), null, null, false);
    }
}
