package org.paperwire.web;

/** Thrown by handlers for a request the client must fix; {@link WebServer} renders it as {@link ApiError}. */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String title;

    public HttpError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static HttpError badRequest(String detail) {
        return new HttpError(400, "Bad Request", detail);
    }

    public static HttpError notFound(String detail) {
        return new HttpError(404, "Not Found", detail);
    }

    public ApiError toApiError() {
        return new ApiError(status, title, getMessage());
    }
}
