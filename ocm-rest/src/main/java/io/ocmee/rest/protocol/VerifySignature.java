package io.ocmee.rest.protocol;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link SignatureFilter} to an OCM endpoint. Every {@code POST} endpoint that peers call
 * carries it, together with {@link ClaimedSigner} naming where its payload says who sent it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VerifySignature {}
