package org.paperwire.digest;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperwire.mail.MailMessage;
import org.paperwire.paper.PaperText;
import org.paperwire.subscription.Links;
import org.paperwire.subscription.Subscriber;

/**
 * Renders digests and confirmation mails: HTML with inline styles only (no external CSS, no images, no
 * tracking pixels) and a plain-text part with the same content, plus the RFC 8058 unsubscribe headers.
 */
public final class DigestMails {
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";

    private final Links links;
    private final String domain;

    /** @param from the sender address, whose domain names our Message-IDs */
    public DigestMails(Links links, String from) {
        this.links = links;
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        this.domain = address.substring(address.indexOf('@') + 1).strip();
    }

    /** {@code List-Unsubscribe} (one-click https URL and mailto) and {@code List-Unsubscribe-Post}. */
    public static Map<String, String> headers(String listUnsubscribe) {
        return listUnsubscribe.isEmpty() ? Map.of() : Map.of(LIST_UNSUBSCRIBE, listUnsubscribe,
                LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
    }

    public String newMessageId(String kind, long subscriberId) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "<" + kind + "." + subscriberId + "." + HexFormat.of().formatHex(bytes) + "@" + domain + ">";
    }

    public static String subject(Digest d) {
        int n = d.items().size();
        return "Paperwire digest for " + DAY.format(d.period().localDate()) + ": "
                + (n == 0 ? "nothing new" : n == 1 ? "1 new paper" : n + " new papers");
    }

    public MailMessage digest(Digest d) {
        Subscriber s = d.subscriber();
        String unsubscribe = links.unsubscribe(s);
        String manage = links.manage(s);
        String header = "<" + unsubscribe + ">, <" + links.unsubscribeMailto(s) + ">";
        return new MailMessage(newMessageId("digest", s.id()), s.email(), subject(d), html(d, manage, unsubscribe),
                text(d, manage, unsubscribe), headers(header));
    }

    public MailMessage confirmation(Subscriber s) {
        String confirm = links.confirm(s);
        String html = page("Confirm your Paperwire subscription",
                "<p style=\"margin:0 0 16px\">Someone (hopefully you) asked to get the Paperwire digest of new research"
                        + " papers at " + esc(s.email()) + ".</p>"
                        + "<p style=\"margin:0 0 16px\"><a href=\"" + esc(confirm) + "\" style=\"background:#1d4ed8;"
                        + "color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block\">"
                        + "Confirm my subscription</a></p>"
                        + "<p style=\"margin:0;color:#6b7280;font-size:13px\">If it was not you, ignore this mail:"
                        + " nothing will be sent without the confirmation.</p>", "");
        String text = "Someone (hopefully you) asked to get the Paperwire digest of new research papers at "
                + s.email() + ".\n\nConfirm the subscription here:\n" + confirm
                + "\n\nIf it was not you, ignore this mail: nothing will be sent without the confirmation.\n";
        return new MailMessage(newMessageId("confirm", s.id()), s.email(), "Confirm your Paperwire subscription",
                html, text, Map.of());
    }

    /** A fresh manage link, for a subscriber whose link expired. */
    public MailMessage manageLink(Subscriber s) {
        String manage = links.manage(s);
        String html = page("Your Paperwire settings", "<p style=\"margin:0 0 16px\">Here is a fresh link to your"
                + " Paperwire settings:</p><p><a href=\"" + esc(manage) + "\" style=\"color:#1d4ed8\">Manage my digest</a></p>",
                "");
        return new MailMessage(newMessageId("manage", s.id()), s.email(), "Your Paperwire settings link", html,
                "Here is a fresh link to your Paperwire settings:\n" + manage + "\n", Map.of());
    }

    /** The digest's HTML part as it would be mailed (for {@code /digest/preview}). */
    public String previewHtml(Digest d) {
        return html(d, links.manage(d.subscriber()), links.unsubscribe(d.subscriber()));
    }

    String html(Digest d, String manage, String unsubscribe) {
        StringBuilder body = new StringBuilder();
        if (d.isEmpty()) {
            body.append("<p style=\"margin:0 0 16px\">Nothing new matched your topics this time.</p>");
        }
        for (DigestItem item : d.items()) {
            body.append("<div style=\"margin:0 0 22px;padding:0 0 18px;border-bottom:1px solid #e5e7eb\">")
                    .append("<a href=\"").append(esc(links.paper(item.paperId())))
                    .append("\" style=\"color:#111827;font-size:17px;font-weight:600;text-decoration:none\">")
                    .append(esc(item.title())).append("</a>")
                    .append("<div style=\"color:#374151;font-size:14px;margin:4px 0\">").append(esc(authors(item.authors())))
                    .append("</div><div style=\"color:#6b7280;font-size:12px;margin:0 0 6px\">")
                    .append(esc(String.join(" · ", item.categories()))).append(item.day() == null ? "" : " · " + item.day())
                    .append("</div><div style=\"color:#1f2937;font-size:14px;line-height:1.5\">")
                    .append(esc(item.shortAbstract())).append("</div>")
                    .append("<div style=\"color:#92400e;font-size:12px;margin:6px 0\">Why: ").append(esc(why(item)))
                    .append("</div><div style=\"font-size:13px\"><a href=\"").append(esc(links.paper(item.paperId())))
                    .append("\" style=\"color:#1d4ed8\">Paper page</a> · <a href=\"https://arxiv.org/abs/")
                    .append(esc(item.paperId())).append("\" style=\"color:#1d4ed8\">arXiv</a></div></div>");
        }
        String footer = "<p style=\"color:#6b7280;font-size:12px;margin:16px 0 0\">You get this because you subscribed"
                + " to Paperwire. <a href=\"" + esc(manage) + "\" style=\"color:#6b7280\">Manage topics and delivery</a>"
                + " · <a href=\"" + esc(unsubscribe) + "\" style=\"color:#6b7280\">Unsubscribe</a></p>";
        return page(subject(d), body.toString(), footer);
    }

    String text(Digest d, String manage, String unsubscribe) {
        StringBuilder t = new StringBuilder(subject(d)).append("\n\n");
        if (d.isEmpty()) {
            t.append("Nothing new matched your topics this time.\n\n");
        }
        int n = 1;
        for (DigestItem item : d.items()) {
            t.append(n++).append(". ").append(item.title()).append('\n')
                    .append("   ").append(authors(item.authors())).append('\n')
                    .append("   ").append(String.join(", ", item.categories()))
                    .append(item.day() == null ? "" : " · " + item.day()).append('\n')
                    .append("   ").append(item.shortAbstract()).append('\n')
                    .append("   Why: ").append(why(item)).append('\n')
                    .append("   ").append(links.paper(item.paperId())).append('\n')
                    .append("   https://arxiv.org/abs/").append(item.paperId()).append("\n\n");
        }
        return t.append("Manage topics and delivery: ").append(manage).append('\n')
                .append("Unsubscribe: ").append(unsubscribe).append('\n').toString();
    }

    private static String why(DigestItem item) {
        return item.reason() + (item.trendingRank() > 0 ? " (#" + item.trendingRank() + ")" : "");
    }

    private static String authors(List<String> authors) {
        return authors.size() <= 5 ? String.join(", ", authors)
                : String.join(", ", authors.subList(0, 5)) + " et al.";
    }

    private static String page(String title, String body, String footer) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title)
                + "</title></head><body style=\"margin:0;padding:0;background:#f3f4f6\">"
                + "<div style=\"max-width:640px;margin:0 auto;padding:24px;background:#ffffff;" + FONT + "\">"
                + "<h1 style=\"font-size:20px;margin:0 0 20px;color:#111827\">" + esc(title) + "</h1>"
                + body + footer + "</div></body></html>";
    }

    /** HTML-escaped, without the characters HTML and XML cannot carry (a paper stored before ingest cleaned it). */
    static String esc(String raw) {
        String s = PaperText.xmlSafe(raw);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
