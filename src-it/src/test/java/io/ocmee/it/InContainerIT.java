package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.discovery.advertised.DiscoveryDocumentService;
import io.ocmee.it.support.Deployments;
import io.ocmee.settings.OcmSettings;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.PeerView;
import io.ocmee.trust.TrustState;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's services inside an Arquillian-managed Payara Micro: settings from the environment,
 * the migrated schema behind {@code jdbc/ocm}, and the container's role checks on EJBs.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ocmModule(InContainerIT.class);
    }

    @Inject OcmSettings settings;

    @Inject DiscoveryDocumentService discovery;

    @EJB PeerService peers;

    @Test
    void settingsComeFromTheEnvironment() {
        assertThat(settings.publicBase()).isEqualTo("http://arquillian.ocm.test:8443");
        assertThat(settings.providerAuthority()).isEqualTo("arquillian.ocm.test:8443");
    }

    @Test
    void discoveryEndPointIsThePublicUrlPlusOcm() {
        assertThat(discovery.modern().getString("endPoint"))
                .isEqualTo("http://arquillian.ocm.test:8443/ocm");
    }

    @Test
    void peersAreStoredInTheMigratedSchema() {
        PeerView recorded =
                peers.recordDiscovery(
                        "in-container.example",
                        "1.5.0",
                        "https://in-container.example/ocm",
                        "Example",
                        Set.of("notifications"),
                        List.of());

        PeerView found = peers.find("in-container.example").orElseThrow();
        assertThat(found.trustState()).isEqualTo(TrustState.UNKNOWN);
        assertThat(found.capabilities()).containsExactly("notifications");
        assertThat(found.firstSeen()).isEqualTo(recorded.firstSeen());
    }

    @Test
    void adminOperationsRefuseACallerWithoutTheAdminRole() {
        assertThatThrownBy(() -> peers.list()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> peers.changeTrust("x.example", TrustState.BLOCKED))
                .isInstanceOf(EJBAccessException.class);
    }
}
