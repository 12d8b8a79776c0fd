package org.paperwire.digest;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperwire.library.RatingLinks;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.MailTemplates;
import org.paperwire.recommend.Recommendation;
import org.paperwire.subscription.Links;
import org.paperwire.subscription.Subscriber;

/**
 * Renders digests and confirmation mails from jte templates ({@link MailTemplates}: {@code mail/*.jte}): HTML
 * with inline styles only (no external CSS, no images, no tracking pixels), escaped by default, and a plain-text
 * part with the same content, plus the RFC 8058 unsubscribe headers.
 */
public final class DigestMails {
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Links links;
    private final RatingLinks ratingLinks;
    private final String domain;
    private final MailTemplates templates = new MailTemplates();

    /**
     * @param ratingLinks signs the "More like this" / "Not for me" links of recommended papers
     * @param from the sender address, whose domain names our Message-IDs
     */
    public DigestMails(Links links, RatingLinks ratingLinks, String from) {
        this.links = links;
        this.ratingLinks = ratingLinks;
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
        DigestMailModel model = model(d, manage, unsubscribe);
        return new MailMessage(newMessageId("digest", s.id()), s.email(), subject(d), templates.html("digest", model),
                templates.text("digest", model), headers(header));
    }

    /** What the confirmation and manage-link mails show. */
    public record LinkMail(String subject, String email, String link) {}

    public MailMessage confirmation(Subscriber s) {
        LinkMail model = new LinkMail("Confirm your Paperwire subscription", s.email(), links.confirm(s));
        return new MailMessage(newMessageId("confirm", s.id()), s.email(), model.subject(),
                templates.html("confirm", model), templates.text("confirm", model), Map.of());
    }

    /** A fresh manage link, for a subscriber whose link expired. */
    public MailMessage manageLink(Subscriber s) {
        LinkMail model = new LinkMail("Your Paperwire settings", s.email(), links.manage(s));
        return new MailMessage(newMessageId("manage", s.id()), s.email(), "Your Paperwire settings link",
                templates.html("manage", model), templates.text("manage", model), Map.of());
    }

    /** The digest's HTML part as it would be mailed (for {@code /digest/preview}). */
    public String previewHtml(Digest d) {
        return templates.html("digest", model(d, links.manage(d.subscriber()), links.unsubscribe(d.subscriber())));
    }

    private DigestMailModel model(Digest d, String manage, String unsubscribe) {
        List<DigestMailModel.Entry> entries = new ArrayList<>(d.items().size());
        boolean anyRecommended = d.items().stream().anyMatch(i -> i.recommended().isPresent());
        String section = null;
        for (DigestItem item : d.items()) {
            // headings only where recommendations come first; other digests look as they always did
            String itemSection = item.recommended().map(r -> "Recommended for you from ‘" + r.collectionName() + "’")
                    .orElse("From your topics");
            String heading = anyRecommended && !itemSection.equals(section) ? itemSection : null;
            section = itemSection;
            entries.add(new DigestMailModel.Entry(entries.size() + 1, item.title(), authors(item.authors()),
                    item.categories(), item.day(), item.shortAbstract(), why(item), links.paper(item.paperId()),
                    "https://arxiv.org/abs/" + item.paperId(), heading,
                    item.recommended().map(r -> recommended(d.subscriber(), item.paperId(), r)).orElse(null)));
        }
        return new DigestMailModel(subject(d), entries, manage, unsubscribe);
    }

    private DigestMailModel.Recommended recommended(Subscriber s, String paperId, DigestItem.Recommended r) {
        RatingLinks.Links rate = ratingLinks.links(s, r.collectionId(), paperId);
        return new DigestMailModel.Recommended(score(r.score()), because(r.because()), rate.moreLikeThis(),
                rate.notForMe());
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    private static String because(List<Recommendation.Reason> reasons) {
        List<String> titles = new ArrayList<>(reasons.size());
        reasons.forEach(r -> titles.add("“" + r.title().replaceAll("\\s+", " ").strip() + "”"));
        return String.join(", ", titles);
    }

    private static String why(DigestItem item) {
        return item.reason() + (item.trendingRank() > 0 ? " (#" + item.trendingRank() + ")" : "")
                + item.recommended().map(r -> ", score " + score(r.score())).orElse("");
    }

    private static String authors(List<String> authors) {
        return authors.size() <= 5 ? String.join(", ", authors)
                : String.join(", ", authors.subList(0, 5)) + " et al.";
    }
}
