/**
 * Contracts the host EFSS implements to plug its own data into the module. Each interface has a
 * default implementation used by the embedded default; a host overrides it with a CDI alternative
 * of higher priority. Key types: {@link io.ocmee.spi.UserDirectory}.
 */
package io.ocmee.spi;
