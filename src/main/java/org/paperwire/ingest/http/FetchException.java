package org.paperwire.ingest.http;

import java.util.Optional;

/**
 * A request that failed for good: an HTTP error status, a timeout or connection error after every attempt,
 * or a Retry-After longer than we are willing to wait. The message names the URL and what went wrong,
 * e.g. {@code GET https://...: HTTP 500 Internal Server Error}.
 */
public final class FetchException extends Exception {
    private final transient HttpBody response;

    public FetchException(String message, HttpBody response, Throwable cause) {
        super(message, cause);
        this.response = response;
    }

    /** The error response, when the server sent one (an API may explain the error in its body). */
    public Optional<HttpBody> response() {
        return Optional.ofNullable(response);
    }
}
