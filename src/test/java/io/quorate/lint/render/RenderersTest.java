package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RenderersTest {

    @Test
    void each_format_name_gives_its_renderer() {
        assertInstanceOf(TextRenderer.class, Renderers.of("text"));
        assertInstanceOf(JsonRenderer.class, Renderers.of("json"));
        assertInstanceOf(SarifRenderer.class, Renderers.of("sarif"));
        assertInstanceOf(JunitRenderer.class, Renderers.of("junit"));
        assertInstanceOf(GithubRenderer.class, Renderers.of("github"));
        assertInstanceOf(SarifRenderer.class, Renderers.of("SARIF"));
    }

    @Test
    void every_listed_format_renders_the_sample_report() {
        for (String format : Renderers.FORMATS) {
            assertFalse(Renderers.of(format).render(Reports.sample()).isBlank(), format);
        }
    }

    @Test
    void an_unknown_format_is_named_in_the_error() {
        var e = assertThrows(IllegalArgumentException.class, () -> Renderers.of("yaml"));
        assertEquals("unknown lint format `yaml`: expected one of text, json, sarif, junit, github", e.getMessage());
    }
}
