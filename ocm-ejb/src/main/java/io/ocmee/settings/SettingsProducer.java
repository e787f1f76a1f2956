package io.ocmee.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the validated {@link OcmSettings} of this JVM injectable, read once per deployment. */
@ApplicationScoped
public class SettingsProducer {

    private OcmSettings settings;

    /**
     * @return the settings, read and validated on first use
     * @throws InvalidSettingException if a value is unusable
     */
    @Produces
    public synchronized OcmSettings settings() {
        if (settings == null) {
            settings = OcmSettings.fromEnvironment();
        }
        return settings;
    }
}
