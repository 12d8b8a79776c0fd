package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The bulk file formats {@code paperwire import} reads, each one JSON object per line. */
public enum BulkFormat {
    /** Kaggle's {@code arxiv-metadata-oai-snapshot.json}: versions with dates, authors_parsed, DOI. */
    KAGGLE,
    /** Daily arXiv listings ({@code YYYY-MM-DD.jsonl}): categories and authors as arrays, no dates. */
    DAILY,
    /** A BEIR {@code corpus.jsonl}: {@code _id}, {@code title}, {@code text}; ids are not arXiv ids. */
    BEIR;

    /** The name used on the command line: {@code kaggle}, {@code daily} or {@code beir}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a format up by its command-line name, ignoring case. */
    public static Optional<BulkFormat> fromName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** {@code kaggle|daily|beir}, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(BulkFormat::cliName).collect(Collectors.joining("|"));
    }

    /** Recognises a format from the keys of one record: the first good line of a file decides. */
    static Optional<BulkFormat> detect(JsonNode record) {
        if (record.has("_id")) {
            return Optional.of(BEIR);
        }
        if (record.has("versions") || record.has("authors_parsed") || record.path("categories").isTextual()) {
            return Optional.of(KAGGLE);
        }
        if (record.has("summary") || record.path("categories").isArray()) {
            return Optional.of(DAILY);
        }
        return Optional.empty();
    }
}
