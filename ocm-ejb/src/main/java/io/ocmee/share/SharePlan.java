package io.ocmee.share;

import io.ocmee.discovery.Dialect;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.discovery.ReceiveProtocol;
import io.ocmee.discovery.ResourceType;
import java.util.Optional;

/**
 * How a Share Creation Notification is shaped for one receiver, decided from its discovery document
 * before the body is built (OCM-NOTES §3.2, checklist S18, S26–S28, S32–S34, S39, S40; §11 Q5, Q11,
 * Q14).
 *
 * <ul>
 *   <li>Shape: the deprecated {@code options} shape for peers whose {@code apiVersion} predates
 *       protocol objects ({@link Dialect#LEGACY_1_0}, {@link Dialect#V1_1}: Nextcloud up to 33,
 *       which refuses anything else before 2026), {@code multi} otherwise.
 *   <li>Resource type: a folder is sent as {@code folder} when the receiver advertises {@code
 *       folder} with that share type and {@code webdav-receive}; otherwise as {@code file}, the
 *       combination every receiver is assumed to take, which legacy receivers treat as possibly a
 *       folder (§11 Q13). A deliberate choice over refusing: the folder URI still serves the tree.
 *   <li>Share type {@code group} only when the receiver advertises it for the (sent) resource type
 *       with {@code webdav-receive}; else refused.
 *   <li>Token exchange (§6 decision table): the share requires exchange ({@code webdav.requirements
 *       ["must-exchange-token"]}) when the user asks for it or the receiver's criteria demand it. A
 *       discovered receiver that does not advertise {@code exchange-token} cannot honour it, and a
 *       legacy {@code options} receiver cannot be told: the user's request is then refused (400)
 *       rather than sent as a share the receiver cannot use. An undiscoverable receiver gets what
 *       the user asked for.
 *   <li>URI form: relative (the opaque id) when the receiver's {@code webdav-receive.uri} says
 *       {@code relative}, absolute otherwise.
 * </ul>
 *
 * <p>When the receiver cannot be discovered for a transient reason (unreachable, timeout, server
 * error), the share is still made and the notification queued for the outbox's retries: it is then
 * built for a current receiver ({@code multi}, folder as {@code folder}, absolute URI) — a
 * documented deviation from §3.2 (S18), since the alternative is refusing every share while a peer
 * is briefly down. A receiver that needs something else answers 4xx and the share turns {@code
 * failed} with its reason.
 *
 * @param shape the protocol shape to send
 * @param sentResourceType wire {@code resourceType}
 * @param relativeUri whether {@code webdav.uri} is sent relative
 * @param discovered whether the plan was made from the receiver's discovery
 * @param mustExchangeToken whether {@code webdav.requirements} carries {@code must-exchange-token}
 */
public record SharePlan(
        ProtocolShape shape,
        String sentResourceType,
        boolean relativeUri,
        boolean discovered,
        boolean mustExchangeToken) {

    /**
     * @param receiver the receiver's discovery, or empty when it cannot be discovered right now
     * @param resourceType {@code file} or {@code folder}
     * @param shareType {@code user} or {@code group}
     * @param mustExchangeToken whether the user asked for {@code must-exchange-token}
     * @return the plan
     * @throws ShareRefusedException 400 when the share cannot be made as asked
     */
    public static SharePlan plan(
            Optional<PeerDiscovery> receiver,
            String resourceType,
            String shareType,
            boolean mustExchangeToken) {
        if (receiver.isEmpty()) {
            return new SharePlan(
                    ProtocolShape.MULTI, resourceType, false, false, mustExchangeToken);
        }
        PeerDiscovery peer = receiver.get();
        boolean strict = mustExchangeToken || peer.hasCriterion("must-exchange-token");
        if (strict && !peer.hasCapability("exchange-token")) {
            throw new ShareRefusedException(
                    400,
                    "Share rejected: mustExchangeToken needs a receiving server that can exchange"
                            + " tokens, and this one does not advertise exchange-token");
        }
        String sent =
                peer.supports(resourceType, shareType, "webdav")
                        ? resourceType
                        : "folder".equals(resourceType) ? "file" : resourceType;
        if (!peer.supports(sent, shareType, "webdav")) {
            throw new ShareRefusedException(
                    400,
                    "Share rejected: the receiving server does not accept "
                            + shareType
                            + " shares of a "
                            + sent
                            + " over webdav");
        }
        ProtocolShape shape =
                peer.dialect() == Dialect.MODERN ? ProtocolShape.MULTI : ProtocolShape.OPTIONS;
        if (strict && shape == ProtocolShape.OPTIONS) {
            throw new ShareRefusedException(
                    400,
                    "Share rejected: mustExchangeToken cannot be sent to a server that reads only"
                            + " the legacy protocol options (apiVersion "
                            + peer.apiVersion()
                            + ")");
        }
        boolean relative =
                Optional.ofNullable(peer.resourceTypes().get(sent))
                        .map(ResourceType::receives)
                        .map(r -> r.get("webdav"))
                        .flatMap(ReceiveProtocol::uriForm)
                        .filter("relative"::equals)
                        .isPresent();
        return new SharePlan(shape, sent, relative, true, strict);
    }
}
