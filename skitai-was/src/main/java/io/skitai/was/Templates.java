package io.skitai.was;

import java.util.Map;

/**
 * Renders a named template of the app serving the request; the app provides it (Atila does, with
 * Pebble) and {@link Was#render(String, Map)} calls it, so this module needs no template engine.
 */
@FunctionalInterface
public interface Templates {

    /**
     * The text of template {@code name} rendered with {@code model}, with {@code was} visible as a
     * variable; throws an unchecked exception naming the template when it is missing or broken.
     */
    String render(Was was, String name, Map<String, Object> model);

    /** Templates for requests not served by an app that has any: every call fails. */
    static Templates none() {
        return (was, name, model) -> {
            throw new IllegalStateException("render(\"" + name + "\"): the app serving this request has no templates");
        };
    }
}
