/**
 * Contracts the host EFSS implements to plug its own data into the module. Each interface has a
 * default implementation used by the embedded default; a host overrides it with a CDI alternative
 * of higher priority. Key types: {@link io.ocmee.spi.UserDirectory} (who the local users are) and
 * {@link io.ocmee.spi.ResourceStorage} (their files and folders, addressed by {@link
 * io.ocmee.spi.ResourcePath}, described by {@link io.ocmee.spi.ResourceInfo}, failing with the
 * subclasses of {@link io.ocmee.spi.ResourceStorageException}).
 */
package io.ocmee.spi;
