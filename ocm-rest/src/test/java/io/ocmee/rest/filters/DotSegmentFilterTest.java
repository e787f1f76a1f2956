package io.ocmee.rest.filters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotSegmentFilterTest {

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "/api/v1/files/../x",
                "/api/v1/files/..",
                "/api/v1/files/./x",
                "/api/v1/files/%2e%2e/x",
                "/api/v1/files/%2E%2e/x",
                "/api/v1/files/..%2fx",
                "/api/v1/files/..%2F..%2Fx",
                "/api/v1/files/%252e%252e/x",
                "/api/v1/files/%25252e%25252e%25252fx",
                "/api/v1/files/..%5cx",
                "/api/v1/files/a%5c..%5cx",
                "/api/v1/files/%2525252525252e"
            })
    void refusesPathsWithDotSegments(String rawPath) {
        assertThat(DotSegmentFilter.hasDotSegment(rawPath)).isTrue();
    }

    @ParameterizedTest(name = "{0} passes")
    @ValueSource(
            strings = {
                "/api/v1/files/",
                "/api/v1/files/a.txt",
                "/api/v1/files/...",
                "/api/v1/files/..a/b..",
                "/api/v1/files/.hidden",
                "/api/v1/files/100%25%20sure.txt",
                "/.well-known/ocm",
                "/api/v1/files/%zz"
            })
    void letsOrdinaryPathsThrough(String rawPath) {
        assertThat(DotSegmentFilter.hasDotSegment(rawPath)).isFalse();
    }
}
