package dev.petrel.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTML page to render: a Thymeleaf template name (under {@code dev/petrel/console/templates/})
 * and its model. Resources return it; {@link ThymeleafWriter} renders it. Not thread-safe while
 * being built; handed off once returned.
 */
public final class View {

    private final String template;
    private final Map<String, Object> model = new LinkedHashMap<>();

    public View(String template) {
        this.template = template;
    }

    public View with(String name, Object value) {
        model.put(name, value);
        return this;
    }

    public String template() {
        return template;
    }

    public Map<String, Object> model() {
        return model;
    }
}
