/**
 * RFC 8941 Structured Field Values: the subset that HTTP Message Signatures (RFC 9421) and Digest
 * Fields (RFC 9530) are written in.
 *
 * <p>Why it exists: {@code Signature-Input}, {@code Signature} and {@code Content-Digest} are
 * Structured-Field Dictionaries, and the {@code "@signature-params"} line of a signature base is
 * the exact serialisation of an Inner List. A signer and a verifier must therefore agree byte for
 * byte on parsing and serialising; this package does both, strictly.
 *
 * <p>Key types: {@link io.ocmee.signature.sf.StructuredFieldParser} (text to values, throws {@link
 * io.ocmee.signature.sf.StructuredFieldException} on malformed input), the values {@link
 * io.ocmee.signature.sf.SfDictionary}, {@link io.ocmee.signature.sf.SfList}, {@link
 * io.ocmee.signature.sf.InnerList}, {@link io.ocmee.signature.sf.Item}, {@link
 * io.ocmee.signature.sf.Parameters} and the bare items under {@link
 * io.ocmee.signature.sf.BareItem}. Every value serialises itself with {@code serialize()}.
 *
 * <p>All values are immutable and thread-safe. Nothing here logs.
 */
package io.ocmee.signature.sf;
