package org.paperwire.library.transfer;

/** Line numbers of offsets in a file's text, for naming where an entry starts. */
final class Lines {
    private Lines() {}

    /** The line breaks in {@code text} between {@code from} (inclusive) and {@code to} (exclusive). */
    static int between(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
