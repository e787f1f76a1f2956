/** The user API, {@code /api/v1/...}, for callers with the {@code ocm-user} role. */
package io.ocmee.rest.api;
