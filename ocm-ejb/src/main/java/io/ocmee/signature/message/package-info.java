/**
 * A transport-neutral model of the HTTP message that is signed or verified.
 *
 * <p>Why it exists: the signature code must not depend on Jakarta (Servlet, JAX-RS) or on any HTTP
 * client, so the server and the client translate their own request objects into an {@link
 * io.ocmee.signature.message.HttpMessage}: method, target URI, ordered {@link
 * io.ocmee.signature.message.HeaderFields}, optional status (responses) and the related request
 * (for the RFC 9421 {@code req} parameter). Bodies are passed separately as exact bytes.
 *
 * <p>All types are immutable and thread-safe.
 */
package io.ocmee.signature.message;
