package io.ocmee.rest.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalStatusTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 502})
    void aKnownErrorStatusIsKept(int status) {
        assertThat(RefusalStatus.of(status).getStatusCode()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 303, 399, 499, 999})
    void anythingElseIsABadRequest(int status) {
        assertThat(RefusalStatus.of(status)).isEqualTo(Response.Status.BAD_REQUEST);
    }
}
