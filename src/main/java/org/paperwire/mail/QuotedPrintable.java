package org.paperwire.mail;

import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045) exactly as Jakarta Mail's encoder writes it ({@code QPEncoderStream}, 76-character
 * lines): line breaks become CRLF, a space or tab before a line break and every byte outside printable ASCII (and
 * {@code =}) become {@code =XX}, and a soft break {@code =} ends a line that would grow past 76 characters. Jakarta's
 * encoder is a stream fed one byte at a time, through a virtual call per byte in and out; building digests spent a
 * tenth of its time there. This one works on the whole text at once; {@code QuotedPrintableTest} checks it writes
 * the same bytes as Jakarta's for every kind of input.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Characters on a line before a soft break: 76 with the {@code =}. */
    private static final int PER_LINE = 75;

    private QuotedPrintable() {}

    /** The encoding of {@code text}'s UTF-8 bytes (ASCII bytes, CRLF line breaks). */
    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        Out out = new Out(in.length + in.length / 8 + 16);
        boolean gotSpace = false;
        boolean gotCR = false;
        for (byte b : in) {
            int c = b & 0xff;
            if (gotSpace) { // a space is written once the next byte says whether it ends a line
                out.put(' ', c == '\r' || c == '\n');
                gotSpace = false;
            }
            if (c == '\r') {
                gotCR = true;
                out.crlf();
                continue;
            }
            if (c == '\n') {
                if (!gotCR) {
                    out.crlf();
                }
            } else if (c == ' ') {
                gotSpace = true;
            } else {
                out.put(c, c < 32 || c >= 127 || c == '=');
            }
            gotCR = false;
        }
        if (gotSpace) {
            out.put(' ', true);
        }
        return out.bytes();
    }

    private static final class Out {
        private byte[] buf;
        private int size;
        private int count; // characters on the current line

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void put(int c, boolean encode) {
            room(8);
            if (encode) {
                if ((count += 3) > PER_LINE) {
                    softBreak();
                    count = 3;
                }
                buf[size++] = '=';
                buf[size++] = HEX[c >> 4];
                buf[size++] = HEX[c & 0xf];
            } else {
                if (++count > PER_LINE) {
                    softBreak();
                    count = 1;
                }
                buf[size++] = (byte) c;
            }
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
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
