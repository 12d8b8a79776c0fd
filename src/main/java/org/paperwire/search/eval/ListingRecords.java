package org.paperwire.search.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiPredicate;
import java.util.zip.GZIPInputStream;

/**
 * The records of one daily listing file ({@code .jsonl} or {@code .jsonl.gz}, one JSON object with an {@code id} a
 * line), as the evaluations and benchmarks read them: strictly, a bad line names the file and line.
 */
public final class ListingRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ListingRecords() {}

    /**
     * Calls {@code each} with every record's id and object, in file order, until it returns false.
     *
     * @throws IllegalArgumentException naming the file and line of a line that is no JSON object or has no id
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, BiPredicate<String, JsonNode> each) {
        try (InputStream raw = Files.newInputStream(file);
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a JSON object: "
                            + e.getOriginalMessage(), e);
                }
                String id = node.path("id").asText("");
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": no \"id\"");
                }
                if (!each.test(id, node)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
