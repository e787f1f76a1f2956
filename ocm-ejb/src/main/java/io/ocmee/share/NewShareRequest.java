package io.ocmee.share;

import java.util.List;
import java.util.Optional;

/**
 * A local user's request to share ({@code POST /api/v1/shares}), as the REST layer read it;
 * validated by {@link OutgoingShareService#create}.
 *
 * @param shareWith the recipient's OCM address
 * @param path the path in the caller's space
 * @param permissions wire names, e.g. {@code [read, write]}
 * @param expiration Unix seconds, if the share expires
 * @param shareType {@code user} (default) or {@code group}
 * @param mustExchangeToken whether the user asks for {@code must-exchange-token}: the receiver must
 *     exchange the secret for a token and use only that (OCM-NOTES §6)
 */
public record NewShareRequest(
        String shareWith,
        String path,
        List<String> permissions,
        Optional<Long> expiration,
        Optional<String> shareType,
        boolean mustExchangeToken) {}
