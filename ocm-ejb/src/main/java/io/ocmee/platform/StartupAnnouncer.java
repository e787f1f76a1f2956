package io.ocmee.platform;

import io.ocmee.settings.OcmSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Validates the settings at deployment (a bad value fails the deployment with the setting's name)
 * and logs the one line operators wait for: the public URL of this OCM server.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "ServerKeyService"})
public class StartupAnnouncer {

    private static final Logger LOG = Logger.getLogger(StartupAnnouncer.class.getName());

    @Inject private OcmSettings settings;

    @PostConstruct
    void announce() {
        LOG.info(
                "OCM-0001 OCM server ready at "
                        + settings.publicBase()
                        + " (discovery: "
                        + settings.publicBase()
                        + "/.well-known/ocm)");
    }
}
