package org.paperwire.mail;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.util.LineOutputStream;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Angus Mail's stream provider, except that its line streams hand whole arrays on. Jakarta Mail writes a multipart
 * message's parts through a line stream, and Angus's ({@code LineOutputStream}, a {@code FilterOutputStream})
 * passes every array it is given on a byte at a time: a sixth of the time spent building digests went there. The
 * bytes written are the same. Named by {@link MimeMessages} as the provider Jakarta Mail uses.
 */
public final class MailStreams extends MailStreamProvider {
    /** Jakarta Mail makes its stream provider from this public constructor. */
    public MailStreams() {}

    @Override
    public LineOutputStream outputLineStream(OutputStream os, boolean allowutf8) {
        return new WholeArrays(os, allowutf8);
    }

    private static final class WholeArrays extends LineOutputStream {
        WholeArrays(OutputStream out, boolean allowutf8) {
            super(out, allowutf8);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
