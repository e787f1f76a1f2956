/**
 * Request filters that guard every endpoint before routing: {@link
 * io.ocmee.rest.filters.DotSegmentFilter} keeps JAX-RS from routing a path differently from how the
 * servlet container authorised it.
 */
package io.ocmee.rest.filters;
