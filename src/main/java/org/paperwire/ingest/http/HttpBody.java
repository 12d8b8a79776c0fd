package org.paperwire.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A response body exactly as the bytes arrived. Text is always decoded as UTF-8, never with the platform
 * default: arXiv serves UTF-8 and a wrong guess would turn "Wübben" into "WÃ¼bben".
 *
 * @param uri what was requested
 * @param status the HTTP status code
 */
public record HttpBody(URI uri, int status, byte[] bytes) {

    public InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
