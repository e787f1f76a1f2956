/**
 * The resources users share: {@link io.ocmee.storage.FileService} gives the calling user access to
 * their own space through the {@link io.ocmee.spi.ResourceStorage} SPI, and {@link
 * io.ocmee.storage.FileSystemStorage} is the embedded default implementation of that SPI, one
 * folder per user under {@code <ocm.data-dir>/files/}.
 */
package io.ocmee.storage;
