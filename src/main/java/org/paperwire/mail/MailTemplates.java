package org.paperwire.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.paperwire.paper.PaperText;

/**
 * Renders mails from jte templates, precompiled at build time like the pages: the HTML part from
 * {@code src/main/jte/mail} (every {@code ${...}} escaped for HTML) and the plain-text part from
 * {@code src/main/jte-text/mail} (content type Plain: nothing escaped, nothing interpreted). Whatever either
 * writes passes through {@link PaperText#xmlSafe}, so a control character in stored data (a paper stored before
 * ingest cleaned it) never reaches a mail.
 */
public final class MailTemplates {
    /** The Java package the plain-text templates are compiled into (see the jte plugin's second execution). */
    static final String TEXT_PACKAGE = "gg.jte.generated.precompiled.text";

    private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null, TEXT_PACKAGE);

    /** The HTML part: {@code mail/NAME.jte} with {@code model}. */
    public String html(String name, Object model) {
        return render(html, name, model);
    }

    /** The plain-text part: {@code mail/NAME.jte} of the text templates with {@code model}. */
    public String text(String name, Object model) {
        return render(text, name, model);
    }

    private static String render(TemplateEngine engine, String name, Object model) {
        XmlSafeOutput out = new XmlSafeOutput();
        engine.render("mail/" + name + ".jte", Map.of("model", model), out);
        return out.toString();
    }

    /** Drops what XML and mail cannot carry from everything written, template text and values alike. */
    private static final class XmlSafeOutput implements TemplateOutput {
        private final StringOutput out = new StringOutput();

        @Override
        public void writeContent(String value) {
            out.writeContent(PaperText.xmlSafe(value));
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            if (PaperText.isXmlSafe(value, beginIndex, endIndex)) { // nearly always: no copy of the piece
                out.writeContent(value, beginIndex, endIndex);
            } else {
                writeContent(value.substring(beginIndex, endIndex));
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
