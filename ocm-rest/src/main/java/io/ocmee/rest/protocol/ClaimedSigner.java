package io.ocmee.rest.protocol;

import io.ocmee.trust.SignerClaim;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Where the payload of a {@link VerifySignature} endpoint names its sending server. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ClaimedSigner {

    /**
     * @return the payload field family that names the sender
     */
    SignerClaim value();
}
