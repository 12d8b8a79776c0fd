package org.paperwire.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * What a digest mail shows, ready for the templates ({@code mail/digest.jte}, HTML and text): the values are the
 * raw strings, escaped (or not) by the template's content type.
 */
public record DigestMailModel(String subject, List<Entry> entries, String manage, String unsubscribe) {

    /** One paper of the digest. */
    public record Entry(int number, String title, String authors, List<String> categories, LocalDate day,
            String shortAbstract, String why, String paperUrl, String arxivUrl) {

        /** Categories and day as the HTML part shows them: {@code cs.CL · cs.LG · 2026-03-09}. */
        public String htmlMeta() {
            return String.join(" · ", categories) + (day == null ? "" : " · " + day);
        }

        /** Categories and day as the text part shows them: {@code cs.CL, cs.LG · 2026-03-09}. */
        public String textMeta() {
            return String.join(", ", categories) + (day == null ? "" : " · " + day);
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
