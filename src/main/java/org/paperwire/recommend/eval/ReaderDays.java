package org.paperwire.recommend.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads reader-day tasks from JSON Lines ({@code ../shared/data/recs/SOURCE.md} describes the format). */
public final class ReaderDays {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderDays() {}

    /**
     * @throws IllegalArgumentException naming the file and line of a malformed task, or when the file holds none
     */
    public static List<ReaderDay> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no task file at " + file + " (JSON Lines of reader-days, e.g."
                    + " ../shared/data/recs/reader-days-dev.jsonl)");
        }
        List<ReaderDay> days = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    days.add(parse(line, file + ":" + lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no reader-days");
        }
        return days;
    }

    static ReaderDay parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        String reader = node.path("reader").asText("");
        String date = node.path("date").asText("");
        if (reader.isEmpty() || date.isEmpty()) {
            throw new IllegalArgumentException(where + ": a reader-day needs \"reader\" and \"date\"");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": date '" + date + "' is not YYYY-MM-DD", e);
        }
        List<String> library = ids(node.path("library"));
        List<String> relevant = ids(node.path("relevant"));
        if (library.isEmpty() || relevant.isEmpty()) {
            throw new IllegalArgumentException(where + ": reader " + reader + " needs a non-empty \"library\" and"
                    + " \"relevant\"");
        }
        return new ReaderDay(reader, day, library, relevant);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : array) {
            ids.add(id.asText());
        }
        return ids;
    }
}
