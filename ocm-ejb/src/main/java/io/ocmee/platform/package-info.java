/**
 * Start-up duties of the module inside its container: {@link io.ocmee.platform.DatabaseMigration}
 * brings the schema up to date with Flyway before anything uses the database, and {@link
 * io.ocmee.platform.StartupAnnouncer} logs the one "ready" line with the public URL.
 */
package io.ocmee.platform;
