package io.ocmee.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A received share as the inbox shows it to its recipient. The shared secret is never part of it.
 *
 * @param id our id of the share
 * @param name the resource name given by the sender
 * @param owner the owner's OCM address
 * @param ownerDisplayName the owner's display name, if sent
 * @param sender the sharing user's OCM address
 * @param senderDisplayName the sharing user's display name, if sent
 * @param shareType {@code user}
 * @param resourceType {@code file} or {@code folder} as the sender said
 * @param permissions e.g. {@code [read, write]}
 * @param state {@code pending}, {@code accepted}, {@code declined} or {@code removed}
 * @param expiration when it expires, if it does
 * @param receivedAt when it arrived
 * @param webdavUri the access URI as sent (absolute or relative), if any
 * @param protocolShape the protocol shape it arrived in
 * @param fromContact whether its sender (or owner) is one of the recipient's contacts, made by an
 *     accepted invite; {@code false} marks a share from a stranger
 */
public record IncomingShareView(
        String id,
        String name,
        String owner,
        Optional<String> ownerDisplayName,
        String sender,
        Optional<String> senderDisplayName,
        String shareType,
        String resourceType,
        List<String> permissions,
        String state,
        Optional<Instant> expiration,
        Instant receivedAt,
        Optional<String> webdavUri,
        ProtocolShape protocolShape,
        boolean fromContact) {}
