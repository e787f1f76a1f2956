/**
 * The JAX-RS face of the module, grouped by audience: {@code protocol} (OCM endpoints peers call,
 * discovery), {@code api} (the user API), {@code admin} (the admin API) and {@code errors} (the
 * exception mappers). Resources stay thin: parse and validate, call one service, map the result.
 */
package io.ocmee.rest;
