/**
 * JMH benchmarks of the OCM request signing profile ({@link io.ocmee.bench.OcmSignatureBenchmark}):
 * signatures and verifications per second of a complete request (digest, signature base, signature)
 * per algorithm. Not part of the product; built only with the Maven profile {@code bench}.
 */
package io.ocmee.bench;
