package org.paperwire.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.paperwire.app.Paperwire;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.library.LibraryCollection;
import org.paperwire.paper.DateWindow;
import org.paperwire.recommend.ForYouRoutes;
import org.paperwire.recommend.Recommendation;
import org.paperwire.recommend.Recommendations;
import org.paperwire.search.SearchEngine;
import org.paperwire.subscription.EmailAddress;
import org.paperwire.subscription.Subscriber;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire recommend}: a reader's recommendations from one collection, as {@code /for-you} shows them. Like
 * {@code digest run}, it first brings the index up to the store and embeds the newest papers still waiting.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = {
        "Print the papers recommended to a reader from one of their collections, best first, each with its score",
        "and the collection's papers it is closest to."})
final class RecommendCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 1000;

    @ParentCommand
    Main main;

    /** Builds the app from the configuration; tests replace it (a stand-in embedder, a fixed clock). */
    Function<PaperwireConfig, Paperwire> apps = config -> new Paperwire(config, Clock.systemUTC());

    @Option(names = "--reader", required = true, paramLabel = "EMAIL", description = "the reader (a subscriber's address)")
    String reader;

    @Option(names = "--collection", paramLabel = "NAME", description = "the collection (default: the reader's first)")
    String collection;

    @Option(names = "--since", paramLabel = "DATE", description = "papers that appeared on or after this day"
            + " (default: the week's first day, 6 days before the newest listing day)")
    String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "the most papers (default 20)")
    int limit;

    @Option(names = "--json", description = "print {reader, items: [{id, title, score, because: [{id, title}]}]}")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String address = EmailAddress.parse(reader).orElseThrow(() -> new UserError(
                "--reader '" + reader + "' is not an email address"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UserError("--limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        LocalDate from = date(since);
        try (Paperwire app = apps.apply(main.config(Map.of()))) {
            Subscriber s = app.subscribers().findByEmail(address).orElseThrow(() -> new UserError(
                    "no subscriber " + address + "; see 'paperwire subscribers list'"));
            LibraryCollection c = collection(app, s);
            prepareSearch(app);
            Recommendations recs = app.recommendations();
            List<Recommendation> items = recs.recommend(s.id(), c.id(),
                    from != null ? from : DateWindow.WEEK.first(recs.referenceDay()), limit);
            print(s, c, items);
            return 0;
        }
    }

    private static LocalDate date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserError("--since '" + raw + "' is not a date like 2026-06-24");
        }
    }

    private LibraryCollection collection(Paperwire app, Subscriber s) {
        if (collection == null) {
            return app.library().defaultCollection(s.id());
        }
        List<LibraryCollection> all = app.library().collections(s.id());
        return all.stream().filter(c -> c.name().equalsIgnoreCase(collection.strip())).findFirst()
                .orElseThrow(() -> new UserError(s.email() + " has no collection '" + collection + "'"
                        + (all.isEmpty() ? " (no collections yet)" : "; their collections: "
                        + String.join(", ", all.stream().map(LibraryCollection::name).toList()))));
    }

    /**
     * Recommendations read vectors from the embedding cache: bring the index up to the store and embed the newest
     * papers still waiting (bounded, as {@code digest run} does). Beside a running serve, its index is read as
     * serve keeps it; papers it has not embedded yet are embedded here, a bounded number per run.
     */
    private static void prepareSearch(Paperwire app) {
        SearchEngine search = app.searchReadOnlyIfHeld();
        if (search.readOnly()) {
            System.err.println("note: a running 'paperwire serve' holds the index; it embeds new papers");
            return;
        }
        search.follower().catchUp();
        long waiting = search.embeddings().backlog();
        if (waiting > 0) {
            System.err.printf("embedding up to %,d of %,d new papers...%n",
                    Math.min(waiting, DigestCommand.Run.NEWEST_TO_EMBED), waiting);
            search.embeddings().drain(DigestCommand.Run.NEWEST_TO_EMBED);
        }
    }

    private void print(Subscriber s, LibraryCollection c, List<Recommendation> items) throws Exception {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reader", s.email());
            out.put("items", items.stream().map(ForYouRoutes::item).toList());
            System.out.println(Json.mapper().writeValueAsString(out));
            return;
        }
        System.out.printf("recommended for %s from '%s': %d %s%n", s.email(), c.name(), items.size(),
                items.size() == 1 ? "paper" : "papers");
        for (Recommendation r : items) {
            System.out.printf("%7.3f  %s  %s%n", r.score(), r.paper().id(), r.paper().title());
            if (!r.because().isEmpty()) {
                System.out.println("         because you saved: " + String.join("; ",
                        r.because().stream().map(Recommendation.Reason::title).toList()));
            }
        }
    }
}
