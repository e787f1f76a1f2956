/**
 * Test helpers shared by the signature tests: locating the read-only known-answer data in {@code
 * shared/conformance} ({@link io.ocmee.signature.testing.Conformance}), reading its {@code .http}
 * messages ({@link io.ocmee.signature.testing.HttpFile}) and loading its keys ({@link
 * io.ocmee.signature.testing.TestKeys}).
 */
package io.ocmee.signature.testing;
