package io.ocmee.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocmee.spi.ByteRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Range} fields (RFC 9110 §14.1.2) against a 100-byte file. */
class ByteRangesTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRanges.parse("bytes=10-19", 100)).contains(ByteRange.between(10, 19));
        assertThat(ByteRanges.parse("bytes=90-", 100)).contains(ByteRange.from(90));
        assertThat(ByteRanges.parse("bytes=-5", 100)).contains(ByteRange.from(95));
        assertThat(ByteRanges.parse("bytes=-500", 100)).contains(ByteRange.from(0));
        assertThat(ByteRanges.parse("bytes=50-5000", 100)).contains(ByteRange.between(50, 99));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1-2,5-6", "items=1-2", "bytes=5-1", "bytes=-", "bytes=x-"})
    void ignoresWhatItDoesNotServe(String field) {
        assertThat(ByteRanges.parse(field, 100)).isEqualTo(Optional.empty());
    }

    @Test
    void absentFieldServesTheWholeFile() {
        assertThat(ByteRanges.parse(null, 100)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=200-300", "bytes=-0"})
    void refusesUnsatisfiableRanges(String field) {
        DavException refused =
                catchThrowableOfType(() -> ByteRanges.parse(field, 100), DavException.class);

        assertThat(refused.status()).isEqualTo(416);
        assertThat(refused.getMessage()).isEqualTo("Range rejected: the file has 100 bytes");
    }
}
