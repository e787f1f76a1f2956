/**
 * The client API of the OCM module for host applications: business interfaces of its stateless
 * beans (a local and a remote view of each), the serializable records they take and return, and
 * {@link io.ocmee.api.OcmApiException}. Every method runs in the caller's transaction (REQUIRED)
 * and acts for the caller principal, who needs the role {@code ocm-user}.
 *
 * <p>Portable JNDI names (README, "Integrating your EFSS"): in the EAR {@code
 * java:global/ocm/ocm-ejb/<Bean>!<interface>}; in the Payara Micro WAR {@code java:global/<war
 * name>/<Bean>!<interface>}, for example {@code
 * java:global/ocm/OutgoingSharesBean!io.ocmee.api.OutgoingSharesRemote}.
 */
package io.ocmee.api;
