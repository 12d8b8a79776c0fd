package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.ingest.SourceRecord;

/**
 * Reads one bulk file into source records: one per non-blank line. Whatever is wrong with a line, a
 * file, or the end of a file becomes a {@link SourceRecord.Failed} naming the file and line, and reading
 * goes on wherever it can. Origins are {@code path:line}, with the path as the caller gave it.
 */
final class BulkFileReader {
    private static final Pattern DATE_IN_NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ImportOptions options;
    private final AtomicLong bytesRead;

    /** @param bytesRead receives the count of bytes read from disk, for progress */
    BulkFileReader(ImportOptions options, AtomicLong bytesRead) {
        this.options = options;
        this.bytesRead = bytesRead;
    }

    void read(Path file, Consumer<SourceRecord> sink) {
        try (LineReader lines = LineReader.open(file, bytesRead)) {
            readLines(file, lines, sink);
        } catch (NoSuchFileException e) {
            sink.accept(new SourceRecord.Failed("no such file", file.toString()));
        } catch (AccessDeniedException e) {
            sink.accept(new SourceRecord.Failed("permission denied", file.toString()));
        } catch (IOException e) {
            sink.accept(new SourceRecord.Failed("cannot read the file: " + e.getMessage(), file.toString()));
        }
    }

    private void readLines(Path file, LineReader lines, Consumer<SourceRecord> sink) {
        RecordParser parser = null;
        while (next(file, lines, sink)) {
            String origin = file + ":" + lines.lineNumber();
            if (lines.tooLong()) {
                sink.accept(new SourceRecord.Failed(String.format("the line is longer than %,d bytes; skipped it",
                        LineReader.MAX_LINE), origin));
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            Optional<JsonNode> record = parseJson(lines, origin, sink);
            if (record.isEmpty()) {
                continue;
            }
            if (parser == null) {
                Optional<RecordParser> chosen = parserFor(file, record.get(), origin, sink);
                if (chosen.isEmpty()) {
                    return; // the Failed record says why the rest of the file was left out
                }
                parser = chosen.get();
            }
            sink.accept(toPaper(parser, record.get(), origin));
        }
    }

    /** Advances to the next line; a file that ends early or is corrupt becomes one Failed record. */
    private static boolean next(Path file, LineReader lines, Consumer<SourceRecord> sink) {
        try {
            return lines.next();
        } catch (IOException e) {
            long line = lines.lineNumber() + 1;
            sink.accept(new SourceRecord.Failed("the file ends early or is corrupt (" + e.getMessage()
                    + "); the " + (line - 1) + " lines before this one were read", file + ":" + line));
            return false;
        }
    }

    private Optional<JsonNode> parseJson(LineReader lines, String origin, Consumer<SourceRecord> sink) {
        try {
            JsonNode node = json.readTree(lines.bytes(), lines.start(), lines.length());
            if (node.isObject()) {
                return Optional.of(node);
            }
            sink.accept(new SourceRecord.Failed("expected a JSON object, found " + node.getNodeType(), origin));
        } catch (JsonProcessingException e) {
            sink.accept(new SourceRecord.Failed("malformed JSON at column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage(), origin));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory: cannot happen
        }
        return Optional.empty();
    }

    private static SourceRecord toPaper(RecordParser parser, JsonNode record, String origin) {
        try {
            return new SourceRecord.Parsed(parser.parse(record), origin);
        } catch (BadRecordException e) {
            return new SourceRecord.Failed(e.getMessage(), origin);
        }
    }

    /** The parser for this file, from the options or the first good record; a Failed record when there is none. */
    private Optional<RecordParser> parserFor(Path file, JsonNode first, String origin, Consumer<SourceRecord> sink) {
        Optional<BulkFormat> format = Optional.ofNullable(options.format()).or(() -> BulkFormat.detect(first));
        if (format.isEmpty()) {
            sink.accept(new SourceRecord.Failed("cannot tell the file's format from the keys " + keys(first)
                    + "; pass --format " + BulkFormat.choices() + " (the rest of the file was not read)", origin));
            return Optional.empty();
        }
        return switch (format.get()) {
            case KAGGLE -> Optional.of(new KaggleParser());
            case BEIR -> Optional.of(new BeirParser());
            case DAILY -> listingDay(file).<RecordParser>map(DailyParser::new).or(() -> {
                sink.accept(new SourceRecord.Failed("a daily listing needs its listing day: name the file"
                        + " YYYY-MM-DD.jsonl[.gz] or pass --listed-on YYYY-MM-DD (the file was not read)",
                        file.toString()));
                return Optional.empty();
            });
        };
    }

    /** The listing day: the one the caller gave, else the first {@code YYYY-MM-DD} in the file name. */
    private Optional<LocalDate> listingDay(Path file) {
        if (options.listedOn() != null) {
            return Optional.of(options.listedOn());
        }
        Path name = file.getFileName();
        Matcher m = DATE_IN_NAME.matcher(name == null ? "" : name.toString());
        try {
            return m.find() ? Optional.of(LocalDate.parse(m.group())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty(); // e.g. 2025-13-45: not a day, so the name does not say
        }
    }

    private static String keys(JsonNode record) {
        StringBuilder keys = new StringBuilder("[");
        record.fieldNames().forEachRemaining(k -> keys.append(keys.length() > 1 ? ", " : "").append(k));
        return keys.append(']').toString();
    }
}
