package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.ProviderHost;
import io.ocmee.api.event.IncomingShareReceived;
import io.ocmee.api.event.ShareDirection;
import io.ocmee.api.event.ShareRemoved;
import io.ocmee.it.host.HostDirectory;
import io.ocmee.it.host.HostEventsServlet;
import io.ocmee.it.host.HostObserver;
import io.ocmee.it.support.Deployments;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.SignedPeerClient;
import io.ocmee.notification.NotificationParser;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.ShareEventService;
import io.ocmee.spi.Access;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceStorage;
import io.ocmee.spi.UserDirectory;
import io.ocmee.trust.InboundPeer;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SPI and the events as a host EFSS uses them, inside the module's deployment: a host user
 * directory ({@code @Alternative @Priority}) replaces the default while the default storage stays
 * the fallback; host observers see {@code IncomingShareReceived} and {@code ShareRemoved}, the
 * {@code AFTER_SUCCESS} ones only for committed transactions; and {@code InviteAccepted} once for
 * an invite a peer accepts over {@code /ocm/invite-accepted}, never for a refused or repeated
 * acceptance.
 */
@ExtendWith(ArquillianExtension.class)
class HostSpiIT {

    private static final String PEER = "peer.example";

    /** The public URL the server is configured with (the requests go to loopback). */
    private static final String PUBLIC_URL = "http://arquillian.ocm.test:8443";

    @Deployment
    static WebArchive deployment() {
        return Deployments.ocmModule(
                HostSpiIT.class,
                HostDirectory.class,
                HostObserver.class,
                HostEventsServlet.class,
                // named by the client-side test's helpers, so loaded with this class
                Http.class,
                SignedPeerClient.class);
    }

    @ArquillianResource URL deployed;

    @Inject UserDirectory directory;

    @Inject ResourceStorage storage;

    @EJB IncomingShareService incoming;

    @EJB ShareEventService shareEvents;

    @Test
    void hostDirectoryReplacesTheDefaultAndDefaultStorageRemains() {
        assertThat(directory.find("dora"))
                .contains(new LocalUser("dora", "Dora Host", Optional.of("dora@host.example")));
        assertThat(directory.find("bob")).isEmpty();
        assertThat(directory.users()).extracting(LocalUser::name).containsExactly("alice", "dora");
        assertThat(directory.groups("dora")).containsExactly("research");
        assertThat(directory.members("research"))
                .extracting(LocalUser::name)
                .containsExactly("dora");

        assertThat(storage.resolve("dora", "/docs/a.txt"))
                .isEqualTo(ResourcePath.parse("docs/a.txt"));
        assertThat(storage.permits("dora", ResourcePath.parse("docs/a.txt"), Access.SHARE))
                .isTrue();
    }

    @Test
    void hostObserversSeeReceivedAndRemovedSharesAfterCommitOnly() throws Exception {
        InboundPeer peer = new InboundPeer(ProviderHost.parse(PEER), Optional.empty());
        incoming.receive(peer, share("spi-1", "secret-spi-1-abcdefghijkl"));

        assertThat(HostObserver.AFTER_SUCCESS)
                .filteredOn(IncomingShareReceived.class::isInstance)
                .singleElement()
                .satisfies(
                        e -> {
                            IncomingShareReceived received = (IncomingShareReceived) e;
                            assertThat(received.recipient()).isEqualTo("dora");
                            assertThat(received.owner()).isEqualTo("carol@" + PEER);
                            assertThat(received.name()).isEqualTo("spi.txt");
                        });

        UserTransaction tx =
                (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        tx.begin();
        shareEvents.apply(PEER, NotificationParser.parse(unshared("spi-1")));
        tx.rollback();
        assertThat(HostObserver.IN_TRANSACTION).hasSize(1);
        assertThat(HostObserver.AFTER_SUCCESS).noneMatch(ShareRemoved.class::isInstance);

        tx.begin();
        shareEvents.apply(PEER, NotificationParser.parse(unshared("spi-1")));
        tx.commit();
        assertThat(HostObserver.AFTER_SUCCESS)
                .filteredOn(ShareRemoved.class::isInstance)
                .singleElement()
                .satisfies(
                        e -> {
                            ShareRemoved removed = (ShareRemoved) e;
                            assertThat(removed.direction()).isEqualTo(ShareDirection.INCOMING);
                            assertThat(removed.localUser()).isEqualTo("dora");
                            assertThat(removed.remoteParty()).isEqualTo("carol@" + PEER);
                        });
    }

    @Test
    @RunAsClient
    void hostObserversSeeOneInviteAcceptedForAnAcceptedInviteAndNoneForRefusals() {
        String base = Deployments.loopback(deployed);
        Http.Reply created = Http.send("POST", base + "/api/v1/invites", "alice", "alice", "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().asJsonObject().getString("token");

        try (SignedPeerClient peer = SignedPeerClient.start()) {
            String contact = "u1@" + peer.authority();

            // refused: an unknown token makes no contact and fires nothing
            Http.Reply unknown = acceptInvite(peer, base, "not-a-token", "u1", "User One");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
            assertThat(unknown.json().asJsonObject().getString("message"))
                    .isEqualTo("Invite acceptance rejected: the token is unknown or was revoked");
            assertThat(inviteAcceptedAt(base, peer)).isEmpty();

            // accepted: exactly one event at the inviting server, about alice's new contact
            Instant before = Instant.now();
            Http.Reply accepted = acceptInvite(peer, base, token, "u1", "User One");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            Instant after = Instant.now();
            assertThat(inviteAcceptedAt(base, peer))
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.getString("localUser")).isEqualTo("alice");
                                assertThat(e.getString("contactAddress")).isEqualTo(contact);
                                assertThat(e.getString("contactName")).isEqualTo("User One");
                                assertThat(e.getBoolean("byLocalUser")).isFalse();
                                assertThat(Instant.parse(e.getString("at")))
                                        .isBetween(before.minusSeconds(1), after.plusSeconds(1));
                            });

            // the same receiver again (200, contact refreshed) and another receiver (409): the
            // contact is not new, so still the one event
            Http.Reply again = acceptInvite(peer, base, token, "u1", "User 1");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            Http.Reply other = acceptInvite(peer, base, token, "u2", "User Two");
            assertThat(other.status()).as(other.body()).isEqualTo(409);
            assertThat(inviteAcceptedAt(base, peer))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getString("contactName")).isEqualTo("User One"));
        }
    }

    private static byte[] share(String providerId, String secret) {
        return ("{\"shareWith\": \"dora@arquillian.ocm.test:8443\", \"name\": \"spi.txt\","
                        + " \"providerId\": \""
                        + providerId
                        + "\", \"owner\": \"carol@"
                        + PEER
                        + "\", \"sender\": \"carol@"
                        + PEER
                        + "\", \"shareType\": \"user\", \"resourceType\": \"file\","
                        + " \"protocol\": {\"name\": \"multi\", \"webdav\": {\"uri\":"
                        + " \"https://"
                        + PEER
                        + "/dav/x\", \"sharedSecret\": \""
                        + secret
                        + "\", \"permissions\": [\"read\"]}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Http.Reply acceptInvite(
            SignedPeerClient peer, String base, String token, String userId, String name) {
        String body =
                "{\"recipientProvider\":\""
                        + peer.authority()
                        + "\",\"token\":\""
                        + token
                        + "\",\"userID\":\""
                        + userId
                        + "\",\"email\":\"\",\"name\":\""
                        + name
                        + "\"}";
        return peer.post(PUBLIC_URL + "/ocm/invite-accepted", base + "/ocm/invite-accepted", body);
    }

    /** The InviteAccepted events the host saw for contacts at {@code peer}. */
    private static List<JsonObject> inviteAcceptedAt(String base, SignedPeerClient peer) {
        Http.Reply seen = Http.get(base + "/host-events/invite-accepted");
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        return seen.json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("contactAddress").endsWith("@" + peer.authority()))
                .toList();
    }

    private static byte[] unshared(String providerId) {
        return ("{\"notificationType\": \"SHARE_UNSHARED\", \"resourceType\": \"file\","
                        + " \"providerId\": \""
                        + providerId
                        + "\", \"notification\": {\"message\": \"gone\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
