/**
 * What a host EFSS adds to the module's deployment for {@code io.ocmee.it.HostSpiIT}: its own user
 * directory (a CDI alternative) and observers of the module's events.
 */
package io.ocmee.it.host;
