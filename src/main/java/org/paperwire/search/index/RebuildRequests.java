package org.paperwire.search.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Asks the process that holds an index folder's write lock (a running {@code serve}) to rebuild its index, and
 * carries its answer back: {@code paperwire reindex} beside serve cannot rebuild the index itself.
 *
 * <p>Two small files in the index folder (Lucene leaves files of other names alone): {@value #REQUEST} (id, who
 * asked, when), created by the first command that asks and never overwritten, so commands asking at once share one
 * rebuild; and {@value #STATUS}, rewritten whole by the holder as it works (the request's id, its state, the
 * holder's name, papers indexed so far, milliseconds taken). The holder looks for a request on each follow tick,
 * rebuilds, records that it is done and deletes the request. Every rebuild of the index answers the request waiting
 * then, so a request left by a command that stopped waiting is done once, by whichever process rebuilds next.
 */
public final class RebuildRequests {
    static final String REQUEST = "rebuild.request";
    static final String STATUS = "rebuild.status";
    /** How often a waiting command looks at the status. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path folder;

    /** The requests of the index in {@code folder}. */
    public RebuildRequests(Path folder) {
        this.folder = folder;
    }

    /** A request to rebuild: its id, who asked (a command's process name) and when. */
    public record Request(String id, String by, Instant at) {}

    /** Where the holder's rebuild of a request stands. */
    public enum State { REBUILDING, DONE, FAILED }

    /**
     * The holder's latest word on request {@code request}.
     *
     * @param by the holder's name ({@code pid@host/start#tag})
     * @param indexed papers indexed so far (all of them when done)
     * @param millis time the rebuild took so far
     * @param error why it failed (empty unless {@link State#FAILED})
     */
    public record Status(String request, State state, String by, long indexed, long millis, String error) {}

    /** The file a request waits in (deleting it cancels the request). */
    public Path requestFile() {
        return folder.resolve(REQUEST);
    }

    /** Asks for a rebuild, or joins the request already waiting; returns the request to wait for. */
    public Request ask(String by, Instant now) {
        Request fresh = new Request(UUID.randomUUID().toString(), by, now);
        byte[] text = text(props("id", fresh.id(), "by", by, "at", now.toString()));
        for (int attempt = 0; ; attempt++) {
            try {
                Files.write(requestFile(), text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return fresh;
            } catch (FileAlreadyExistsException e) {
                Optional<Request> waiting = pending();
                if (waiting.isPresent()) {
                    return waiting.get();
                }
                if (attempt == 10) { // not a request this version reads (or a write that never completed): replace it
                    write(requestFile(), text);
                    return fresh;
                }
                sleep(Duration.ofMillis(50)); // another command's request, being written now
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rebuild request " + requestFile() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The request waiting for a rebuild, if any (one being written this instant is seen at the next look). */
    public Optional<Request> pending() {
        return read(requestFile()).flatMap(p -> {
            String id = p.getProperty("id");
            try {
                return id == null || id.isBlank() ? Optional.empty()
                        : Optional.of(new Request(id, p.getProperty("by", "?"), Instant.parse(p.getProperty("at", ""))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The holder's latest status, of whichever request it last worked on. */
    public Optional<Status> status() {
        return read(folder.resolve(STATUS)).flatMap(p -> {
            try {
                return Optional.of(new Status(p.getProperty("request", ""),
                        State.valueOf(p.getProperty("state", "").toUpperCase(Locale.ROOT)), p.getProperty("by", "?"),
                        Long.parseLong(p.getProperty("indexed", "0")), Long.parseLong(p.getProperty("millis", "0")),
                        p.getProperty("error", "")));
            } catch (IllegalArgumentException e) { // NumberFormatException too: not a status this version wrote
                return Optional.empty();
            }
        });
    }

    /** The holder records where its rebuild of a request stands. */
    public void report(Status status) {
        write(folder.resolve(STATUS), text(props("request", status.request(),
                "state", status.state().name().toLowerCase(Locale.ROOT), "by", status.by(),
                "indexed", Long.toString(status.indexed()), "millis", Long.toString(status.millis()),
                "error", status.error())));
    }

    /** The holder is done with {@code request}: deletes it unless a newer one took its place. */
    public void close(Request request) {
        if (pending().map(Request::id).filter(request.id()::equals).isPresent()) {
            try {
                Files.deleteIfExists(requestFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the rebuild request " + requestFile() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** How a wait for the holder's rebuild ended. */
    public enum Outcome {
        /** The holder rebuilt the index. */
        DONE,
        /** The holder tried and failed; the status says why. */
        FAILED,
        /** No process holds the index any more, and none answered the request. */
        HOLDER_GONE,
        /** The holder said nothing new for the whole patience (an older version, or busy or stuck). */
        SILENT
    }

    /** The end of a wait, with the holder's last status of the request (none if it never answered). */
    public record Answer(Outcome outcome, Optional<Status> last) {}

    /**
     * Waits until the holder has rebuilt for {@code request}, it stops holding the index, or it has said nothing new
     * for {@code patience}; {@code news} sees each new status of the request.
     */
    public Answer await(Request request, Duration patience, InstantSource clock, Consumer<Status> news) {
        Optional<Status> last = Optional.empty();
        Instant heard = clock.instant();
        while (true) {
            Optional<Status> now = status().filter(s -> s.request().equals(request.id()));
            if (now.isPresent() && !now.equals(last)) {
                last = now;
                heard = clock.instant();
                news.accept(now.get());
            }
            if (last.isPresent() && last.get().state() != State.REBUILDING) {
                return new Answer(last.get().state() == State.DONE ? Outcome.DONE : Outcome.FAILED, last);
            }
            if (!SearchIndex.inUse(folder)) {
                Optional<Status> end = status().filter(s -> s.request().equals(request.id())
                        && s.state() != State.REBUILDING); // it may have finished just before it stopped
                return end.map(s -> new Answer(s.state() == State.DONE ? Outcome.DONE : Outcome.FAILED, end))
                        .orElse(new Answer(Outcome.HOLDER_GONE, last));
            }
            if (!clock.instant().isBefore(heard.plus(patience))) {
                return new Answer(Outcome.SILENT, last);
            }
            sleep(POLL);
        }
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static byte[] text(Properties p) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, "paperwire reindex");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Properties> read(Path file) {
        if (!Files.exists(file)) { // the usual case on serve's follow ticks: no exception thrown for it
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Optional.of(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) { // a malformed escape: not a file this version wrote
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} whole, so that a reader never sees half of it. */
    private static void write(Path file, byte[] text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index's rebuild", e);
        }
    }
}
