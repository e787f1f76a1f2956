/**
 * MicroProfile Health checks and Metrics of the module, for servers that provide MicroProfile
 * (Payara Micro, Payara Server). They only adapt the module's own {@code HealthService} and {@code
 * FederationCounters}; {@code GET /api/v1/health} and JMX give the same facts everywhere.
 */
package io.ocmee.mp;
