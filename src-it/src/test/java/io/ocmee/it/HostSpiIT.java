package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.ProviderHost;
import io.ocmee.api.event.IncomingShareReceived;
import io.ocmee.api.event.ShareDirection;
import io.ocmee.api.event.ShareRemoved;
import io.ocmee.it.host.HostDirectory;
import io.ocmee.it.host.HostObserver;
import io.ocmee.it.support.Deployments;
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
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SPI and the events as a host EFSS uses them, inside the module's deployment: a host user
 * directory ({@code @Alternative @Priority}) replaces the default while the default storage stays
 * the fallback; host observers see {@code IncomingShareReceived} and {@code ShareRemoved}, the
 * {@code AFTER_SUCCESS} ones only for committed transactions.
 */
@ExtendWith(ArquillianExtension.class)
class HostSpiIT {

    private static final String PEER = "peer.example";

    @Deployment
    static WebArchive deployment() {
        return Deployments.ocmModule(HostSpiIT.class, HostDirectory.class, HostObserver.class);
    }

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

    private static byte[] unshared(String providerId) {
        return ("{\"notificationType\": \"SHARE_UNSHARED\", \"resourceType\": \"file\","
                        + " \"providerId\": \""
                        + providerId
                        + "\", \"notification\": {\"message\": \"gone\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
