/**
 * Running the module from the server's consoles: in-memory counters ({@link
 * io.ocmee.operations.FederationCounters}), the JMX MBean {@code ocm:type=Federation} ({@link
 * io.ocmee.operations.FederationControl}) and the health checks behind {@code /api/v1/health}.
 */
package io.ocmee.operations;
