/**
 * The one entry point for configuration. {@link io.ocmee.settings.OcmSettings} reads every {@code
 * ocm.*} setting once (system properties first, then the matching {@code OCM_*} environment
 * variables), validates it and holds its documented default; no other class reads system properties
 * or the environment. {@link io.ocmee.settings.SettingsProducer} makes the validated value
 * available to CDI.
 */
package io.ocmee.settings;
