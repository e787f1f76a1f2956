/** Endpoints that peers call: discovery now, the OCM API ({@code /ocm/...}) as it is built. */
package io.ocmee.rest.protocol;
