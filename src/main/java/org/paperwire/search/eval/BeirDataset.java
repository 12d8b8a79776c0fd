package org.paperwire.search.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.paper.Paper;

/**
 * A test collection in BEIR's layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/test.tsv} (header, then
 * {@code query-id corpus-id score}). Only queries that have judgements are kept, as in BEIR.
 *
 * @param queries query id to text, in file order
 * @param qrels query id to (document id to relevance grade)
 */
public record BeirDataset(String name, List<Paper> corpus, Map<String, String> queries,
        Map<String, Map<String, Integer>> qrels) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the collection in {@code dir}.
     *
     * @throws IllegalArgumentException naming the file and line when something is missing or malformed
     */
    public static BeirDataset load(Path dir) {
        for (String required : List.of("corpus.jsonl", "queries.jsonl", "qrels/test.tsv")) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new IllegalArgumentException(dir + " is not a BEIR dataset folder: " + required + " is missing");
            }
        }
        Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels/test.tsv"));
        Map<String, String> queries = new LinkedHashMap<>();
        jsonLines(dir.resolve("queries.jsonl"), node -> {
            String id = node.path("_id").asText();
            if (qrels.containsKey(id)) {
                queries.put(id, node.path("text").asText());
            }
        });
        List<Paper> corpus = new ArrayList<>();
        jsonLines(dir.resolve("corpus.jsonl"), node -> corpus.add(new Paper(node.path("_id").asText(), 0,
                node.path("title").asText(""), node.path("text").asText(""), List.of(), List.of(), null, null, null,
                null, null, null)));
        return new BeirDataset(dir.toAbsolutePath().normalize().getFileName().toString(), corpus, queries, qrels);
    }

    private interface LineHandler {
        void accept(JsonNode node);
    }

    private static void jsonLines(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!node.hasNonNull("_id")) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": no \"_id\"");
                }
                handler.accept(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Integer>> qrels(Path file) {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String[] cols = line.strip().split("\t");
                if (line.isBlank() || (lineNo == 1 && cols[0].equals("query-id"))) {
                    continue;
                }
                if (cols.length != 3) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected query-id, corpus-id, score");
                }
                try {
                    qrels.computeIfAbsent(cols[0], q -> new HashMap<>()).put(cols[1], Integer.parseInt(cols[2].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": score '" + cols[2] + "' is not a number");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return qrels;
    }
}
