package org.paperwire.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * What a digest mail shows, ready for the templates ({@code mail/digest.jte}, HTML and text): the values are the
 * raw strings, escaped (or not) by the template's content type.
 */
public record DigestMailModel(String subject, List<Entry> entries, String manage, String unsubscribe) {

    /**
     * One paper of the digest.
     *
     * @param heading the title of the section this entry begins (a "Recommended for you" section, or the topics
     *     after one), else null; digests without recommendations have none
     * @param recommended the score, reasons and rating links of a recommended paper, else null
     */
    public record Entry(int number, String title, String authors, List<String> categories, LocalDate day,
            String shortAbstract, String why, String paperUrl, String arxivUrl, String heading,
            Recommended recommended) {

        public Entry(int number, String title, String authors, List<String> categories, LocalDate day,
                String shortAbstract, String why, String paperUrl, String arxivUrl) {
            this(number, title, authors, categories, day, shortAbstract, why, paperUrl, arxivUrl, null, null);
        }

        /** Categories and day as the HTML part shows them: {@code cs.CL · cs.LG · 2026-03-09}. */
        public String htmlMeta() {
            return String.join(" · ", categories) + (day == null ? "" : " · " + day);
        }

        /** Categories and day as the text part shows them: {@code cs.CL, cs.LG · 2026-03-09}. */
        public String textMeta() {
            return String.join(", ", categories) + (day == null ? "" : " · " + day);
        }
    }

    /**
     * What a recommended paper adds: its score as shown ({@code 0.83}), the library papers it is closest to as
     * one line ({@code “A”, “B”}) and its signed "More like this" / "Not for me" links.
     */
    public record Recommended(String score, String because, String moreLikeThis, String notForMe) {}

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
