/**
 * The integration-test fixtures. {@link io.ocmee.it.support.OcmInstance} runs one OCM server the
 * way an operator does, through the README's launcher {@code bin/ocm-run}, on a free loopback port
 * with its own data directory (and its own PostgreSQL database when the suite runs against
 * PostgreSQL). {@link io.ocmee.it.support.Federation} is the two-instance fixture, shared by the
 * test classes of one run. {@link io.ocmee.it.support.Http} is a small loopback client.
 */
package io.ocmee.it.support;
