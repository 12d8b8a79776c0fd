package org.paperwire.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a subscriber CSV: header {@code email,categories,searches,authors,confirmed} (columns in any order,
 * only email required), several values in one cell separated by {@code |}, RFC 4180 quoting. A bad row is
 * reported with its line number and does not stop the others.
 */
public final class SubscriberCsv {
    /** One data row: its topics, or the reason it was refused. */
    public record Row(int line, String email, List<Topic> topics, boolean confirmed, String error) {}

    private SubscriberCsv() {}

    public static List<Row> parse(String csv) {
        List<List<String>> records = records(csv);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty; expected a header line email,categories,searches,authors,confirmed");
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int email = header.indexOf("email");
        if (email < 0) {
            throw new IllegalArgumentException("the header has no 'email' column (found " + header + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.getFirst().isBlank()) {
                continue;
            }
            String address = cell(r, email);
            try {
                List<Topic> topics = topics(values(r, header.indexOf("categories")), values(r, header.indexOf("searches")),
                        values(r, header.indexOf("authors")));
                String confirmed = cell(r, header.indexOf("confirmed")).strip().toLowerCase(Locale.ROOT);
                if (!List.of("", "true", "false", "yes", "no").contains(confirmed)) {
                    throw new IllegalArgumentException("confirmed must be true or false, not '" + confirmed + "'");
                }
                EmailAddress.parseOrThrow(address);
                rows.add(new Row(i + 1, address.strip(), topics, confirmed.equals("true") || confirmed.equals("yes"), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(i + 1, address, List.of(), false, e.getMessage()));
            }
        }
        return rows;
    }

    /**
     * Topics from the three kinds of values; overall trending when all are empty.
     *
     * @throws IllegalArgumentException for a bad value or more than {@link Topic#MAX_PER_SUBSCRIBER} topics
     */
    public static List<Topic> topics(List<String> categories, List<String> searches, List<String> authors) {
        List<Topic> topics = new ArrayList<>();
        categories.forEach(c -> topics.add(Topic.of(Topic.Kind.CATEGORY, c)));
        searches.forEach(s -> topics.add(Topic.of(Topic.Kind.SEARCH, s)));
        authors.forEach(a -> topics.add(Topic.of(Topic.Kind.AUTHOR, a)));
        if (topics.isEmpty()) {
            topics.add(Topic.of(Topic.Kind.TRENDING, ""));
        }
        return Topic.checkCount(topics);
    }

    private static String cell(List<String> r, int i) {
        return i >= 0 && i < r.size() ? r.get(i) : "";
    }

    private static List<String> values(List<String> r, int i) {
        return Arrays.stream(cell(r, i).split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> records(String csv) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                out.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
