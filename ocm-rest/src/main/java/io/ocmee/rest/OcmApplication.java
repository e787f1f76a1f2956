package io.ocmee.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The module's JAX-RS application, at the root of its context: OCM addresses carry no path, so
 * {@code /.well-known/ocm} must sit at the root of the host.
 */
@ApplicationPath("/")
public class OcmApplication extends Application {}
