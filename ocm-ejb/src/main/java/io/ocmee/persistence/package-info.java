/**
 * Persistence plumbing shared by the entities of every spec area: {@link
 * io.ocmee.persistence.InstantConverter} stores {@code java.time.Instant} portably (Jakarta
 * Persistence 3.1 providers do not all map it natively).
 */
package io.ocmee.persistence;
