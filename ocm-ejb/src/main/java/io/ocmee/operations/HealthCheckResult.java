package io.ocmee.operations;

/**
 * The outcome of one health check.
 *
 * @param name what was checked, e.g. {@code database}
 * @param up whether it works
 * @param detail a short explanation fit for operators (no secrets, no stack traces)
 */
public record HealthCheckResult(String name, boolean up, String detail) {}
