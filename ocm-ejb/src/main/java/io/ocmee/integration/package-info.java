/**
 * The module's face to host applications: stateless beans implementing the business interfaces of
 * {@code ocm-api} by delegating to the share services, and translating their views and refusals
 * into the API's serializable records and {@link io.ocmee.api.OcmApiException}. Transactions are
 * container-managed (REQUIRED), so the host's transaction carries everything a call does.
 */
package io.ocmee.integration;
