package io.ocmee.trust;

import io.ocmee.discovery.Dialect;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What this server knows about a remote OCM server; the read-only face of {@link Peer}.
 *
 * @param authority {@code host[:port]} of the peer, lower case
 * @param trustState how far it is trusted
 * @param trustSource what set the trust state, or {@code null} if nothing has
 * @param apiVersion the {@code apiVersion} of its last discovery, or {@code null}
 * @param endPoint its OCM {@code endPoint}, or {@code null} if never discovered
 * @param providerName its {@code provider} branding name, or {@code null}
 * @param capabilities its advertised capabilities, normalised
 * @param criteria its advertised criteria, normalised
 * @param lastError why the last discovery failed, or {@code null} after a success
 * @param firstSeen when it was first recorded
 * @param lastSeen when it was last discovered or contacted
 * @param inviteAcceptDialog its advertised {@code inviteAcceptDialog}, absolute, or {@code null}
 * @param dialect the API generation its {@code apiVersion} says it speaks, or {@code null} if never
 *     discovered
 */
public record PeerView(
        String authority,
        TrustState trustState,
        TrustSource trustSource,
        String apiVersion,
        String endPoint,
        String providerName,
        List<String> capabilities,
        List<String> criteria,
        String lastError,
        Instant firstSeen,
        Instant lastSeen,
        String inviteAcceptDialog,
        Dialect dialect) {

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }

    static String join(java.util.Collection<String> values) {
        return values == null ? "" : String.join(" ", values);
    }
}
