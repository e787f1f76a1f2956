package io.ocmee.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcePathTest {

    @ParameterizedTest(name = "''{0}'' is read as ''{1}''")
    @CsvSource(
            delimiterString = "->",
            value = {
                "'' -> ''",
                "a.txt -> a.txt",
                "docs/ -> docs",
                "docs/2026/report.pdf -> docs/2026/report.pdf",
                "...  -> ...",
                "..a -> ..a",
                "a.. -> a..",
                ".hidden -> .hidden",
                "100% sure.txt -> 100% sure.txt",
                "%zz -> %zz",
                "caf%C3%A9 -> caf%C3%A9",
                "Ünïcödé/日本 -> Ünïcödé/日本",
                "note: 12:00.txt -> note: 12:00.txt"
            })
    void acceptsPlainRelativePaths(String text, String expected) {
        assertThat(ResourcePath.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(
            delimiterString = "->",
            value = {
                "/etc/passwd -> it must be relative to your space",
                "C:/Windows -> it must be relative to your space",
                "c:x -> it must be relative to your space",
                ".. -> '.' and '..' segments are not allowed",
                "../b -> '.' and '..' segments are not allowed",
                "a/../../b -> '.' and '..' segments are not allowed",
                "a/./b -> '.' and '..' segments are not allowed",
                "a/.. -> '.' and '..' segments are not allowed",
                "%2e%2e/x -> '.' and '..' segments are not allowed (not even percent-encoded)",
                "%2E%2E -> '.' and '..' segments are not allowed (not even percent-encoded)",
                ".%2e/x -> '.' and '..' segments are not allowed (not even percent-encoded)",
                "%252e%252e/x -> '.' and '..' segments are not allowed (not even percent-encoded)",
                "%25252e%25252e -> '.' and '..' segments are not allowed (not even"
                        + " percent-encoded)",
                "..%2fx -> a name may not contain an encoded '/'",
                "..%252fx -> a name may not contain an encoded '/'",
                "a\\b -> backslashes are not allowed",
                "..\\..\\x -> backslashes are not allowed",
                "..%5cx -> backslashes are not allowed (not even percent-encoded)",
                "a%00.txt -> control characters (such as NUL) are not allowed (not even"
                        + " percent-encoded)",
                "a//b -> empty segments ('//') are not allowed",
                "a// -> empty segments ('//') are not allowed",
                "%2525252525252e -> a name is percent-encoded too many times"
            })
    void refusesPathsThatCouldEscape(String text, String reason) {
        assertThatThrownBy(() -> ResourcePath.parse(text))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: " + reason);
    }

    @Test
    void refusesANulByteArrivingDecoded() {
        assertThatThrownBy(() -> ResourcePath.parse("a\u0000.txt"))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: control characters (such as NUL) are not allowed");
    }

    @Test
    void refusesANameLongerThanFileSystemsAllow() {
        assertThatThrownBy(() -> ResourcePath.parse("x".repeat(256)))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: a name is longer than 255 bytes");
    }

    @Test
    void refusesAnOverlongPath() {
        assertThatThrownBy(() -> ResourcePath.parse("a/".repeat(2049)))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: it is longer than 4096 characters");
    }

    @Test
    void constructorAppliesTheSameRulesAsParse() {
        assertThatThrownBy(() -> new ResourcePath(List.of("a", "..")))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: '.' and '..' segments are not allowed");
        assertThatThrownBy(() -> new ResourcePath(List.of("a/b")))
                .isInstanceOf(InvalidResourcePathException.class)
                .hasMessage("Path rejected: a name may not contain '/'");
    }

    @Test
    void emptyTextIsTheRoot() {
        assertThat(ResourcePath.parse("").isRoot()).isTrue();
        assertThat(ResourcePath.parse(null)).isEqualTo(ResourcePath.root());
        assertThat(ResourcePath.root().name()).isEmpty();
    }

    @Test
    void navigatesToParentChildAndName() {
        ResourcePath path = ResourcePath.parse("docs/2026/report.pdf");

        assertThat(path.name()).isEqualTo("report.pdf");
        assertThat(path.parent()).isEqualTo(ResourcePath.parse("docs/2026"));
        assertThat(path.parent().child("x.txt")).isEqualTo(ResourcePath.parse("docs/2026/x.txt"));
        assertThat(ResourcePath.parse("docs").contains(path)).isTrue();
        assertThat(path.contains(ResourcePath.parse("docs"))).isFalse();
        assertThat(ResourcePath.parse("doc").contains(path)).isFalse();
    }

    @Test
    void rootHasNoParent() {
        assertThatThrownBy(() -> ResourcePath.root().parent())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the root folder has no parent");
    }
}
