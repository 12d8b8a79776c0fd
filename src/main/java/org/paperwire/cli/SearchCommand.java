package org.paperwire.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchHit;
import org.paperwire.search.SearchInputException;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.SearchResults;
import org.paperwire.search.SearchSort;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire search "QUERY"}: ranked papers from the local index. */
@Command(name = "search", mixinStandardHelpOptions = true, description = {
        "Search the papers in the store.",
        "Query syntax: \"a phrase\", author:NAME, cat:cs.CL (or cat:cs), since:2025-01-01, until:2025-03,",
        "date:2025-01-01..2025-02-01, since:today|week|month|year, -word, -\"a phrase\"."})
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "the query (words are joined with spaces)")
    List<String> words = List.of();

    @Option(names = "--mode", paramLabel = "MODE", description = "hybrid (default), keyword or semantic")
    String mode = "hybrid";

    @Option(names = "--cat", paramLabel = "CATEGORY", split = ",", description = "only these categories, e.g. cs.CL,cs.LG (or an archive: cs)")
    List<String> categories = List.of();

    @Option(names = "--since", paramLabel = "WHEN", description = "from this day: YYYY-MM-DD, YYYY-MM, today, week, month or year")
    String since;

    @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default) or date")
    String sort = "relevance";

    @Option(names = "--limit", paramLabel = "N", description = "results per page (default 10)")
    int limit = 10;

    @Option(names = "--page", paramLabel = "N", description = "page number, from 1 (default 1)")
    int page = 1;

    @Option(names = "--similar", paramLabel = "ID", description = "papers similar to this paper instead of a query")
    String similar;

    @Option(names = "--json", description = "print results as JSON")
    boolean json;

    /** Said when a running serve holds the index (stderr, so that --json output stays one document). */
    static final String READ_ONLY_NOTE = "searched the index of a running 'paperwire serve' read-only"
            + " (serve keeps it following the store)";

    @Override
    public Integer call() throws Exception {
        SearchMode searchMode = SearchMode.byId(mode).orElseThrow(() -> new UserError("unknown --mode '" + mode
                + "'; use hybrid, keyword or semantic"));
        SearchSort order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchSort.RELEVANCE;
            case "date" -> SearchSort.DATE;
            default -> throw new UserError("unknown --sort '" + sort + "'; use relevance or date");
        };
        if (page < 1 || limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new UserError("--page must be 1 or more and --limit 1.." + SearchRequest.MAX_LIMIT);
        }
        try (Paperwire app = new Paperwire(main.config(Map.of()), Clock.systemUTC())) {
            SearchEngine engine = app.searchReadOnlyIfHeld();
            if (engine.readOnly()) {
                System.err.println("note: " + READ_ONLY_NOTE);
            } else {
                engine.follower().catchUp(); // papers imported since the last look are searchable by keyword at once
            }
            try {
                if (similar != null) {
                    print(new SearchResults("similar:" + similar, SearchMode.SEMANTIC, limit,
                            engine.service().similar(similar, limit), List.of()));
                    return 0;
                }
                LocalDate from = since == null ? null : engine.service().syntax().day(since, false)
                        .orElseThrow(() -> new UserError("--since '" + since + "' is not a day; use YYYY-MM-DD, YYYY-MM,"
                                + " today, week, month or year"));
                SearchResults results = engine.service().search(new SearchRequest(String.join(" ", words), searchMode,
                        categories, from, null, order, (page - 1) * limit, limit, true));
                print(results);
                return 0;
            } catch (SearchInputException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    private void print(SearchResults results) throws Exception {
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            return;
        }
        for (String note : results.notes()) {
            System.err.println("note: " + note);
        }
        if (results.hits().isEmpty()) {
            System.out.println("no results");
            return;
        }
        System.out.printf("%,d results (%s)%n%n", results.total(), results.mode().id());
        for (SearchHit hit : results.hits()) {
            System.out.printf("%3d. %s  [%s]  %s  score %.4f%n", hit.rank(), hit.id(),
                    String.join(" ", hit.categories()), hit.date() == null ? "" : hit.date(), hit.score());
            System.out.println("     " + hit.title().replaceAll("\\s+", " "));
            if (!hit.authors().isEmpty()) {
                System.out.println("     " + authors(hit.authors()));
            }
            if (!hit.snippet().isEmpty()) {
                System.out.println("     " + plain(hit.snippet()));
            }
            System.out.println();
        }
    }

    private static String authors(List<String> authors) {
        return authors.size() <= 4 ? String.join(", ", authors)
                : String.join(", ", authors.subList(0, 3)) + " and " + (authors.size() - 3) + " more";
    }

    /** The HTML snippet for a terminal: matches in *stars*, entities decoded, one line. */
    static String plain(String snippet) {
        return snippet.replace("<b>", "*").replace("</b>", "*").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
