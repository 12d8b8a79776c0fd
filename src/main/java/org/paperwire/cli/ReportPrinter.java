package org.paperwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperwire.ingest.IngestReport;
import org.paperwire.web.Json;

/** Prints an {@link IngestReport} for people, or as one JSON object for tools. */
final class ReportPrinter {
    private static final ObjectMapper JSON = Json.mapper();

    private ReportPrinter() {}

    /** The JSON keys other tools read: read, new, updated, unchanged, skipped, failed (plus details). */
    static Map<String, Object> asMap(IngestReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", r.read());
        m.put("new", r.created());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("skipped", r.skipped());
        m.put("failed", r.failed());
        m.put("skipped_reasons", r.skippedReasons());
        m.put("errors", r.errors());
        return m;
    }

    static void print(String title, IngestReport r, String error, boolean json) {
        PrintStream out = System.out;
        if (json) {
            Map<String, Object> m = asMap(r);
            if (title != null) {
                m.put("source", title);
            }
            if (error != null) {
                m.put("error", error);
            }
            try {
                out.println(JSON.writeValueAsString(m));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (title != null) {
            out.println(title + ":");
        }
        out.printf("  read %,d · new %,d · updated %,d · unchanged %,d · skipped %,d · failed %,d%n",
                r.read(), r.created(), r.updated(), r.unchanged(), r.skipped(), r.failed());
        r.skippedReasons().forEach((reason, n) -> out.printf("  skipped %,d: %s%n", n, reason));
        r.errors().forEach(e -> out.println("  error: " + e));
        if (r.failed() > r.errors().size()) {
            out.printf("  ... and %,d more errors (see the log)%n", r.failed() - r.errors().size());
        }
        if (error != null) {
            out.println("  FAILED: " + error);
        }
    }
}
