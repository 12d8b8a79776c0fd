package org.paperwire.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.Fuzz;
import org.paperwire.ingest.SourceRecord;

/**
 * Properties of the three bulk line formats over random records and mutated real lines (issue 9, finding 7):
 * a parser returns a paper or throws {@link BadRecordException}, nothing else, and reading a file of such
 * lines turns every one into a record without throwing.
 */
class BulkFormatFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("id", "_id", "title", "text", "summary", "abstract", "authors",
            "authors_parsed", "categories", "comment", "comments", "journal-ref", "doi", "versions", "version", "created");
    private static final List<String> VALUES = List.of("2406.01234v2", "2406.01234v99999999999", "hep-th/9901001", "v1",
            "v0", "v1234567", "Mon, 2 Apr 2007 19:18:42 GMT", "Mon, 31 Feb 2007 19:18:42 GMT", "cs.LG stat.ML", "", " ");

    @TempDir
    Path dir;

    private static List<String> realLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("kaggle-snapshot.json", "2025-03-18.jsonl", "beir-corpus.jsonl")) {
            Files.readAllLines(BulkStore.fixture(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .forEach(lines::add);
        }
        return lines;
    }

    private static JsonNode value(SplittableRandom r, int depth) {
        return switch (r.nextInt(depth > 2 ? 5 : 8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(r.nextLong());
            case 2 -> NODES.booleanNode(r.nextBoolean());
            case 3 -> NODES.textNode(Fuzz.oneOf(r, VALUES));
            case 4 -> NODES.textNode(Fuzz.text(r, 30));
            case 5, 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    array.add(value(r, depth + 1));
                }
                yield array;
            }
            default -> record(r, depth + 1);
        };
    }

    private static ObjectNode record(SplittableRandom r, int depth) {
        ObjectNode record = NODES.objectNode();
        for (int i = r.nextInt(8); i > 0; i--) {
            record.set(r.nextInt(5) == 0 ? Fuzz.text(r, 6) : Fuzz.oneOf(r, KEYS), value(r, depth));
        }
        return record;
    }

    @Test
    void eachParserReturnsAPaperOrABadRecordForAnyRecord() throws IOException {
        List<String> real = realLines();
        List<RecordParser> parsers = List.of(new KaggleParser(), new DailyParser(LocalDate.of(2025, 3, 18)), new BeirParser());
        Fuzz.check("bulk parsers", 1000, r -> r.nextBoolean() ? record(r, 0).toString() : Fuzz.mutate(r, Fuzz.oneOf(r, real)),
                line -> {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (JsonProcessingException notJson) {
                        return; // the file reader reports it as malformed JSON
                    }
                    if (node == null || !node.isObject()) {
                        return;
                    }
                    for (RecordParser parser : parsers) {
                        try {
                            assertThat(parser.parse(node)).isNotNull();
                        } catch (BadRecordException expected) {
                            assertThat(expected.getMessage()).isNotBlank();
                        }
                    }
                });
    }

    @Test
    void aFileOfMutatedLinesBecomesOneRecordPerLineWithoutThrowing() throws IOException {
        List<String> real = realLines();
        Path file = dir.resolve("2025-03-18.jsonl");
        Fuzz.check("bulk file reader", 200, r -> {
            StringBuilder lines = new StringBuilder();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                lines.append(r.nextBoolean() ? Fuzz.mutate(r, Fuzz.oneOf(r, real)) : record(r, 0).toString()).append('\n');
            }
            return lines.toString();
        }, content -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (content.hashCode() % 3 == 0 && bytes.length > 0) {
                bytes[Math.floorMod(content.hashCode(), bytes.length)] = (byte) 0xC3; // broken UTF-8 too
            }
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            List<SourceRecord> records = new ArrayList<>();
            new BulkFileReader(ImportOptions.detect(), new AtomicLong()).read(file, records::add);
            assertThat(records).allSatisfy(rec -> assertThat(rec.origin()).startsWith(file.toString()));
        });
    }
}
