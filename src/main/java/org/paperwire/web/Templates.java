package org.paperwire.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates in {@code src/main/jte}, precompiled at build time. jte escapes every
 * {@code ${...}} for HTML, so harvested text can never inject markup.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with the page context and the page's model as the HTML answer. */
    public void render(Context ctx, String template, PageContext page, Object model) {
        ctx.html(render(template, page, model));
    }

    public String render(String template, PageContext page, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("page", page, "model", model), out);
        return out.toString();
    }
}
