/**
 * Exception mappers. The user and admin APIs answer {@code application/problem+json} ({@link
 * io.ocmee.rest.errors.Problem}); OCM protocol endpoints answer in the protocol's own format.
 * {@link io.ocmee.rest.errors.UnexpectedErrorMapper} is the one catch-all: it logs the failure once
 * and hides internals from the caller; {@link io.ocmee.rest.errors.StorageErrorMapper} answers the
 * refusals of the storage SPI.
 */
package io.ocmee.rest.errors;
