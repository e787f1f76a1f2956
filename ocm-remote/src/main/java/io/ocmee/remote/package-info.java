/**
 * The remote business views of {@code ocm-api} for host applications in other applications of a
 * full server (Payara Server, WildFly). Each bean delegates to the local view in {@code ocm-ejb},
 * in the caller's transaction and as the caller principal.
 */
package io.ocmee.remote;
