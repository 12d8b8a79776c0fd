package org.paperwire.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before our routes see them (a malformed or over-long URI, headers too large,
 * an undecodable path): the documented {@link ApiError} JSON for the API and feeds, a short page for people, for
 * every method, never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper json;

    JettyErrors(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws JsonProcessingException {
        ApiError error = new ApiError(code, HttpStatus.getMessage(code), detail(code, message));
        byte[] body;
        if (wantsJson(request)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            body = json.writeValueAsBytes(error);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            body = ("<!doctype html><title>" + error.status() + " " + error.title() + "</title><h1>" + error.title()
                    + "</h1><p>" + escape(error.detail()) + "</p><p><a href=\"/\">Paperwire</a></p>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * By the path when Jetty could read it; a request line it could not parse (too long, a NUL) has none, so then
     * whoever does not ask for HTML (scripts, unlike browsers) gets JSON.
     */
    private static boolean wantsJson(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || path.equals("/badMessage")) { // Jetty's stand-in for an unreadable request line
            String accept = request.getHeaders().get(HttpHeader.ACCEPT);
            return accept == null || !accept.contains("text/html");
        }
        return WebServer.wantsJson(path);
    }

    private static String detail(int code, String message) {
        return switch (code) {
            case 414 -> "the address is longer than the server accepts (8 kB): shorten the query";
            case 431 -> "the request headers are larger than the server accepts (8 kB)";
            case 400 -> "the request is malformed (" + printable(message == null ? "bad request" : message)
                    + "): check the address for stray % signs or control characters";
            default -> printable(message == null ? HttpStatus.getMessage(code) : message);
        };
    }

    private static String printable(String text) {
        String clean = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
