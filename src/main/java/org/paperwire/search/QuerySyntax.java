package org.paperwire.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.ReferenceDay;

/**
 * The query language people know from web and library search:
 * {@code "quoted phrases"}, {@code author:hinton} or {@code author:"geoffrey hinton"}, {@code cat:cs.CL}
 * (or {@code cat:cs} for the whole archive), {@code since:2025-01-01}, {@code until:2025-03}, 
 * {@code date:2025-01-01..2025-02-01}, windows {@code since:today|week|month|year} (a {@link DateWindow}: the
 * same days as the search form's and trending's windows), and {@code -word} or
 * {@code -"a phrase"} to exclude.
 *
 * <p>Nothing here fails: a quote left open, an unknown {@code field:} or a date that is not a date is read
 * as plain text, with a note that says so. Phrases, exclusions, authors and categories together are kept to
 * {@link #MAX_FILTERS}, the rest dropped with a note: each becomes a clause of the Lucene query, whose clauses
 * are limited.
 */
public final class QuerySyntax {
    /** Phrases, exclusions, {@code author:} and {@code cat:} values kept, together; more are dropped with a note. */
    public static final int MAX_FILTERS = 50;

    private final ReferenceDay referenceDay;

    /** Windows such as {@code since:week} end at {@code referenceDay}, as everywhere else. */
    public QuerySyntax(ReferenceDay referenceDay) {
        this.referenceDay = referenceDay;
    }

    /** A parser without a store to look at: windows end today. */
    public QuerySyntax(Clock clock) {
        this(new ReferenceDay(clock, day -> Optional.empty()));
    }

    private record Token(boolean negated, String field, String value, boolean quoted) {}

    public ParsedQuery parse(String query) {
        List<String> notes = new ArrayList<>();
        List<Token> tokens = tokenize(query, notes);
        List<String> text = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        LocalDate since = null;
        LocalDate until = null;
        FilterBudget filters = new FilterBudget();
        for (Token t : tokens) {
            String field = t.field() == null ? "" : t.field().toLowerCase(Locale.ROOT);
            switch (field) {
                case "author", "au" -> filters.add(authors, t.value());
                case "cat", "category" -> filters.add(categories, t.value());
                case "since", "from" -> {
                    Optional<LocalDate> d = day(t.value(), false);
                    if (d.isPresent()) {
                        since = d.get();
                    } else {
                        asText(t, text, words, excluded, notes, filters);
                    }
                }
                case "until", "to", "before" -> {
                    Optional<LocalDate> d = day(t.value(), true);
                    if (d.isPresent()) {
                        until = d.get();
                    } else {
                        asText(t, text, words, excluded, notes, filters);
                    }
                }
                case "date" -> {
                    String[] range = t.value().split("\\.\\.", -1);
                    Optional<LocalDate> from = range.length == 2 && range[0].isEmpty() ? Optional.empty() : day(range[0], false);
                    Optional<LocalDate> to = range.length == 2 ? (range[1].isEmpty() ? Optional.empty() : day(range[1], true))
                            : day(range[0], true);
                    boolean valid = range.length <= 2 && (from.isPresent() || to.isPresent())
                            && (range.length == 1 || range[0].isEmpty() || from.isPresent())
                            && (range.length == 1 || range[1].isEmpty() || to.isPresent());
                    if (valid) {
                        since = from.orElse(since);
                        until = to.orElse(until);
                    } else {
                        asText(t, text, words, excluded, notes, filters);
                    }
                }
                case "" -> {
                    if (t.negated()) {
                        filters.add(excluded, t.value());
                    } else if (t.quoted()) {
                        filters.add(phrases, t.value());
                        text.add(t.value());
                    } else {
                        words.add(t.value());
                        text.add(t.value());
                    }
                }
                default -> {
                    // "BERT:" or "e.g.:foo" in pasted text: not an operator, just words
                    Token plain = new Token(t.negated(), null, t.field() + ":" + t.value(), t.quoted());
                    asText(plain, text, words, excluded, notes, filters);
                }
            }
        }
        if (filters.dropped > 0) {
            notes.add(String.format("the query has %,d phrases, exclusions, authors and categories; used the first %d",
                    MAX_FILTERS + filters.dropped, MAX_FILTERS));
        }
        return new ParsedQuery(String.join(" ", text), words, phrases, excluded, authors, categories, since, until, notes);
    }

    /** Counts the filters of one query, so that no more than {@link #MAX_FILTERS} are kept. */
    private static final class FilterBudget {
        private int kept;
        private int dropped;

        /** Adds {@code value} to {@code list} while the budget lasts; counts it as dropped after. */
        void add(List<String> list, String value) {
            if (kept < MAX_FILTERS) {
                kept++;
                list.add(value);
            } else {
                dropped++;
            }
        }
    }

    private static void asText(Token t, List<String> text, List<String> words, List<String> excluded, List<String> notes,
            FilterBudget filters) {
        String value = t.field() == null ? t.value() : t.field() + ":" + t.value();
        if (t.field() != null) {
            notes.add("'" + value + "' is not a date; searched for it as text (dates look like 2025-01-31, 2025-01,"
                    + " 2025, today, week, month or year)");
        }
        if (t.negated()) {
            filters.add(excluded, value);
        } else {
            words.add(value);
            text.add(value);
        }
    }

    private static List<Token> tokenize(String query, List<String> notes) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(query.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean negated = false;
            if (query.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                negated = true;
                i++;
            }
            String field = null;
            int colon = fieldEnd(query, i);
            if (colon > i) {
                field = query.substring(i, colon);
                i = colon + 1;
            }
            if (i < n && query.charAt(i) == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    notes.add("a quote was left open; searched for the rest as plain words");
                    i++;
                    continue; // the words after the stray quote are read as plain words
                }
                String value = query.substring(i + 1, close).strip();
                i = close + 1;
                if (!value.isEmpty()) {
                    tokens.add(new Token(negated, field, value, true));
                }
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
                end++;
            }
            String value = query.substring(i, end);
            i = end;
            if (!value.isEmpty()) {
                tokens.add(new Token(negated, field, value, false));
            } else if (field != null) {
                tokens.add(new Token(negated, null, field, false));
            }
        }
        return tokens;
    }

    /** The index of the colon of a {@code field:} prefix starting at {@code from}, or -1. */
    private static int fieldEnd(String query, int from) {
        int i = from;
        while (i < query.length() && Character.isLetter(query.charAt(i))) {
            i++;
        }
        return i > from && i < query.length() - 1 && query.charAt(i) == ':'
                && !Character.isWhitespace(query.charAt(i + 1)) ? i : -1;
    }

    /**
     * A day from {@code 2025-01-31}, {@code 2025-01}, {@code 2025}, {@code yesterday}, or the first day of a
     * {@link DateWindow} ({@code today}, {@code week}, {@code month}, {@code year}); {@code end} picks the last day
     * of a month or year.
     */
    public Optional<LocalDate> day(String value, boolean end) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Optional<DateWindow> window = DateWindow.parse(v);
        if (window.isPresent()) {
            return Optional.of(window.get().first(referenceDay.get()));
        }
        try {
            return Optional.of(switch (v) {
                case "yesterday" -> referenceDay.today().minusDays(1);
                default -> {
                    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        yield LocalDate.parse(v);
                    } else if (v.matches("\\d{4}-\\d{2}")) {
                        YearMonth m = YearMonth.parse(v);
                        yield end ? m.atEndOfMonth() : m.atDay(1);
                    } else if (v.matches("\\d{4}")) {
                        int y = Integer.parseInt(v);
                        yield end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
                    }
                    throw new DateTimeParseException("not a day", v, 0);
                }
            });
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
