package org.paperwire.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders the jte templates in {@code src/main/jte}, precompiled at build time. jte escapes every
 * {@code ${...}} for HTML, so harvested text can never inject markup.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Function<Context, Optional<PageContext.Reader>> readers;

    /** Pages that never show a signed-in reader. */
    public Templates() {
        this(ctx -> Optional.empty());
    }

    /** @param readers the signed-in reader of a request, if any (the reader feature's sessions) */
    public Templates(Function<Context, Optional<PageContext.Reader>> readers) {
        this.readers = readers;
    }

    /**
     * Renders {@code template} with the page context and the page's model as the HTML answer; the page context
     * gets the request's signed-in reader, if any.
     */
    public void render(Context ctx, String template, PageContext page, Object model) {
        PageContext full = page.reader() != null ? page : readers.apply(ctx).map(page::withReader).orElse(page);
        ctx.html(render(template, full, model));
    }

    public String render(String template, PageContext page, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("page", page, "model", model), out);
        return out.toString();
    }
}
