/** Operations endpoints: health ({@code /api/v1/health}) and the OpenAPI document. */
package io.ocmee.rest.ops;
