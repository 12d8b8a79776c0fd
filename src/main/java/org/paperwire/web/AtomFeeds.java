package org.paperwire.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperText;

/**
 * Writes Atom 1.0 feeds of papers with Rome; links are built from the configured public URL. Every text goes
 * through {@link PaperText#xmlSafe}: Rome refuses characters XML cannot carry, and a query or a paper stored
 * before ingest cleaned its text may hold one.
 */
public final class AtomFeeds {
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private final URI publicUrl;

    public AtomFeeds(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * A feed of {@code papers} in order.
     *
     * @param selfPath the feed's own path and query, e.g. {@code /feeds/trending.atom?window=week}
     * @param htmlPath the page the feed mirrors
     */
    public String write(String title, String selfPath, String htmlPath, List<Paper> papers, Instant updated) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(PaperText.xmlSafe(title));
        String self = publicUrl + PaperText.xmlSafe(selfPath);
        feed.setUri(self);
        feed.setLinks(List.of(link("self", self, "application/atom+xml"),
                link("alternate", publicUrl + PaperText.xmlSafe(htmlPath), "text/html")));
        feed.setAuthors(List.of(person("Paperwire")));
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>();
        for (Paper p : papers) {
            entries.add(entry(p, updated));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write feed " + title, e);
        }
    }

    private SyndEntry entry(Paper p, Instant fallback) {
        SyndEntry e = new SyndEntryImpl();
        String url = publicUrl + "/papers/" + p.id();
        e.setUri(url);
        e.setTitle(PaperText.xmlSafe(p.title()));
        e.setLinks(List.of(link("alternate", url, "text/html"), link("related", p.absUrl(), "text/html")));
        List<SyndPerson> authors = new ArrayList<>();
        for (String name : p.authors().isEmpty() ? List.of("unknown") : p.authors()) {
            authors.add(person(PaperText.xmlSafe(name)));
        }
        e.setAuthors(authors);
        Instant when = p.date() == null ? fallback : p.date().atStartOfDay().toInstant(ZoneOffset.UTC);
        e.setUpdatedDate(Date.from(p.lastUpdated() != null ? p.lastUpdated() : when));
        e.setPublishedDate(Date.from(when));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(PaperText.xmlSafe(p.abstractText()).replaceAll("\\s+", " ").strip());
        e.setDescription(summary);
        return e;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }
}
