package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlEncodedFormTest {

    private static final String TYPE = "application/x-www-form-urlencoded";

    private static ParsedForm parse(String body, String type) {
        return UrlEncodedForm.parse(body.getBytes(StandardCharsets.ISO_8859_1), type, 5);
    }

    @Test
    void decodesPlusPercentAndRepeatedNamesInOrder() {
        ParsedForm form = parse("b=1+2%203&a=&flag&a=%C3%A9%26&&=x", TYPE);
        assertThat(form.fields()).containsExactly(Map.entry("b", List.of("1 2 3")), Map.entry("a", List.of("", "\u00e9&")),
                Map.entry("flag", List.of("")), Map.entry("", List.of("x")));
        assertThat(form.files()).isEmpty();
    }

    @Test
    void honoursTheCharsetParameter() {
        assertThat(parse("n=%E9", TYPE + "; charset=ISO-8859-1").fields().get("n")).isEqualTo(List.of("\u00e9"));
        assertThatThrownBy(() -> parse("n=1", TYPE + "; charset=klingon"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void refusesBadEscapesAndTooManyFields() {
        assertThatThrownBy(() -> parse("a=1&b=%zz", TYPE))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("SKITAI-C085 malformed form body: bad %-escape in 'b=%zz'");
        assertThatThrownBy(() -> parse("a=%4", TYPE)).hasMessageContaining("bad %-escape");
        assertThatThrownBy(() -> parse("a&b&c&d&e&f", TYPE)).hasMessageContaining("more than 5 fields");
        assertThat(parse("", TYPE).fields()).isEmpty();
    }
}
