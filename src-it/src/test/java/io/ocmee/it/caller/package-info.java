/**
 * A small host application for {@code io.ocmee.it.IntegrationApiIT}: deployed as its own WAR beside
 * the module in the same Payara Micro, it reaches the module only through {@code ocm-api}'s
 * business interfaces looked up by their portable JNDI names.
 */
package io.ocmee.it.caller;
