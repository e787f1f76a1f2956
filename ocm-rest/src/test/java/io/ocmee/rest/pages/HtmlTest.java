package io.ocmee.rest.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
                "a & b|a &amp; b",
                "\" onmouseover=\"x|&quot; onmouseover=&quot;x",
                "it's|it&#39;s",
                "plain text|plain text"
            })
    void escapesMarkupCharacters(String raw, String escaped) {
        assertThat(Html.escape(raw)).isEqualTo(escaped);
    }

    @Test
    void dropsControlCharactersButKeepsLineBreaksAndTabs() {
        assertThat(Html.escape("a\u0000b\u001bc\td\ne")).isEqualTo("abc\td\ne");
    }

    @Test
    void escapesTextAndAttributeValuesButNotConstantMarkup() {
        String html =
                new Html()
                        .raw("<input")
                        .attr("value", "x\"><script>")
                        .raw(">")
                        .element("p", "<b>")
                        .hidden("token", "a&b")
                        .toString();

        assertThat(html)
                .isEqualTo(
                        "<input value=\"x&quot;&gt;&lt;script&gt;\"><p>&lt;b&gt;</p>"
                                + "<input type=\"hidden\" name=\"token\" value=\"a&amp;b\">");
    }
}
