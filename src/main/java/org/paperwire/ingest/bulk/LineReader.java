package org.paperwire.ingest.bulk;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads a plain or gzip-compressed file line by line as UTF-8 bytes, leaving the decoding to the JSON
 * parser (which is faster at it than a {@code Reader}). Gzip is recognised by its magic bytes, not the name.
 * A line longer than {@link #MAX_LINE} is skipped up to its line break ({@link #tooLong()}): the buffer never
 * grows past that, whatever the file holds.
 */
final class LineReader implements Closeable {
    private static final int BUFFER = 1 << 16;
    /** The longest line kept, in bytes: the longest real record (a Kaggle abstract with its versions) is ~30 KB. */
    static final int MAX_LINE = 16 << 20;

    private final InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private long lineNumber;
    private boolean tooLong;

    private LineReader(InputStream in) {
        this.in = in;
    }

    /** Opens {@code file}; every byte read from disk is added to {@code bytesRead}. */
    static LineReader open(Path file, AtomicLong bytesRead) throws IOException {
        InputStream raw = new BufferedInputStream(new Counting(Files.newInputStream(file), bytesRead), BUFFER);
        try {
            return new LineReader(isGzip(raw) ? new GZIPInputStream(raw, BUFFER) : raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** Advances to the next line; false at the end of the file. Throws when the file ends early or is corrupt. */
    boolean next() throws IOException {
        tooLong = false;
        int scanned = pos; // bytes before this were searched for the line break already
        while (true) {
            int newline = indexOf('\n', scanned, limit);
            if (newline >= 0) {
                setLine(pos, newline);
                pos = newline + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            if (limit - pos >= MAX_LINE) {
                skipRestOfLine();
                return true;
            }
            scanned = limit - pos; // where the searched bytes end once fill() has moved the line to the front
            fill();
        }
    }

    /** True when the current line was longer than {@link #MAX_LINE} and skipped; its bytes are then empty. */
    boolean tooLong() {
        return tooLong;
    }

    /** Drops the current line's bytes up to and including its line break (or the end of the file). */
    private void skipRestOfLine() throws IOException {
        buf = new byte[BUFFER]; // back to the usual size: the long line is not kept
        pos = 0;
        limit = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                break;
            }
            int newline = indexOf('\n', 0, n);
            if (newline >= 0) {
                pos = newline + 1;
                limit = n;
                break;
            }
        }
        lineStart = 0;
        lineLength = 0;
        lineNumber++;
        tooLong = true;
    }

    /** The current line's bytes are {@code bytes()[start() .. start() + length())}, without the line break. */
    byte[] bytes() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineLength;
    }

    /** 1 for the first line; the line being read when {@link #next} threw is {@code lineNumber() + 1}. */
    long lineNumber() {
        return lineNumber;
    }

    boolean isBlank() {
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void setLine(int from, int to) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        lineStart = from;
        lineLength = end - from;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts the bytes read from disk, for progress. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
