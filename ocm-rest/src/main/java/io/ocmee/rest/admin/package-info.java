/** The admin API, {@code /api/v1/admin/...}, for callers with the {@code ocm-admin} role. */
package io.ocmee.rest.admin;
