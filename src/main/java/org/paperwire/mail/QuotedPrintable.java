package org.paperwire.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045) exactly as Jakarta Mail's encoder writes it ({@code QPEncoderStream}, 76-character
 * lines) of a text's UTF-8 bytes: line breaks become CRLF, a space or tab before a line break and every byte outside
 * printable ASCII (and {@code =}) become {@code =XX}, and a soft break {@code =} ends a line that would grow past 76
 * characters. Jakarta's encoder is a stream fed one byte at a time, through a virtual call per byte in and out;
 * building digests spent a tenth of its time there. This one reads the text's characters once, without turning them
 * into UTF-8 first, copies runs of characters that stand for themselves (most of a digest) a line's room at a time,
 * and on the way counts what Jakarta's choice of a transfer encoding looks at ({@link Encoded#transferEncoding}).
 * {@code QuotedPrintableTest} checks it writes the same bytes as Jakarta's for every kind of input.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Characters on a line before a soft break: 76 with the {@code =}. */
    private static final int PER_LINE = 75;
    private static final char[] QUESTION_MARK = {'?'};
    /** Jakarta Mail's longest line for 7bit. */
    private static final int SEVEN_BIT_LINE = 998;

    private QuotedPrintable() {}

    /**
     * A text encoded, with what Jakarta Mail counts of its UTF-8 bytes to choose a transfer encoding.
     *
     * @param ascii bytes that are printable ASCII, tab, CR or LF
     * @param other the other bytes (control characters count here, as in Jakarta Mail)
     * @param longLine whether a line is longer than 998 characters
     */
    record Encoded(byte[] bytes, long ascii, long other, boolean longLine) {
        /** Jakarta Mail's rule: all ASCII in short lines is 7bit; mostly ASCII, quoted-printable; else base64. */
        String transferEncoding() {
            if (other == 0) {
                return longLine ? "quoted-printable" : "7bit";
            }
            return ascii > other ? "quoted-printable" : "base64";
        }
    }

    /** The encoding of {@code text}'s UTF-8 bytes (ASCII bytes, CRLF line breaks). */
    static Encoded encode(String text) {
        char[] cs = text.toCharArray();
        int n = cs.length;
        Out out = new Out(n + n / 8 + 16);
        long ascii = 0;
        long other = 0;
        int line = 0;
        boolean longLine = false;
        boolean gotCR = false;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (literal(cs, i)) {
                int end = i + 1;
                while (end < n && literal(cs, end)) {
                    end++;
                }
                out.literal(cs, i, end);
                ascii += end - i;
                line += end - i;
                longLine |= line > SEVEN_BIT_LINE;
                i = end;
                gotCR = false;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' || !gotCR) {
                    out.crlf();
                }
                gotCR = c == '\r';
                ascii++;
                line = 0;
                i++;
                continue;
            }
            longLine |= ++line > SEVEN_BIT_LINE;
            if (c == ' ' || c == '\t' || c == '=') { // a space here comes before a line break or ends the text
                out.encoded(c);
                ascii++;
            } else if (c < 0x80) {
                out.encoded(c);
                other++;
            } else if (c < 0x800) {
                out.encoded(0xC0 | c >> 6);
                out.encoded(0x80 | c & 0x3F);
                other += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                out.encoded(0xF0 | cp >> 18);
                out.encoded(0x80 | cp >> 12 & 0x3F);
                out.encoded(0x80 | cp >> 6 & 0x3F);
                out.encoded(0x80 | cp & 0x3F);
                longLine |= ++line > SEVEN_BIT_LINE;
                other += 4;
            } else if (Character.isSurrogate(c)) { // unpaired: UTF-8 has none, and Java's encoder writes '?'
                out.literal(QUESTION_MARK, 0, 1);
                other += 2; // as Jakarta counts it, from the string
            } else {
                out.encoded(0xE0 | c >> 12);
                out.encoded(0x80 | c >> 6 & 0x3F);
                out.encoded(0x80 | c & 0x3F);
                other += 3;
            }
            gotCR = false;
            i++;
        }
        return new Encoded(out.bytes(), ascii, other, longLine);
    }

    /**
     * Whether the character at {@code i} is written as itself: printable ASCII but {@code =}, or a space that is
     * followed by something other than a line break.
     */
    private static boolean literal(char[] cs, int i) {
        char c = cs[i];
        if (c > ' ' && c < 127) {
            return c != '=';
        }
        if (c != ' ' || i + 1 == cs.length) {
            return false;
        }
        char next = cs[i + 1];
        return next != '\r' && next != '\n';
    }

    private static final class Out {
        private byte[] buf;
        private int size;
        private int count; // characters on the current line, at most PER_LINE

        Out(int capacity) {
            buf = new byte[capacity];
        }

        /** Characters {@code from} to {@code to} of {@code cs}, all ASCII, as they are, broken where lines fill. */
        void literal(char[] cs, int from, int to) {
            while (from < to) {
                if (count == PER_LINE) {
                    room(3);
                    softBreak();
                    count = 0;
                }
                int k = Math.min(PER_LINE - count, to - from);
                room(k);
                byte[] b = buf;
                int at = size;
                for (int j = 0; j < k; j++) {
                    b[at + j] = (byte) cs[from + j];
                }
                size += k;
                count += k;
                from += k;
            }
        }

        /** A byte as {@code =XX}. */
        void encoded(int b) {
            room(6);
            if ((count += 3) > PER_LINE) {
                softBreak();
                count = 3;
            }
            buf[size++] = '=';
            buf[size++] = HEX[b >> 4];
            buf[size++] = HEX[b & 0xf];
        }

        private void softBreak() {
            buf[size++] = '=';
            buf[size++] = '\r';
            buf[size++] = '\n';
        }

        void crlf() {
            room(2);
            buf[size++] = '\r';
            buf[size++] = '\n';
            count = 0;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }
    }
}
