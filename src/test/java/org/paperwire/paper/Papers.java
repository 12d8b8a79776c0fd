package org.paperwire.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small paper values for tests. */
public final class Papers {
    private Papers() {}

    public static Paper paper(String id, int version, String title) {
        return new Paper(id, version, title, "An abstract about " + title + " with $x^2$ TeX.",
                List.of("Ada Lovelace", "Alan Turing"), List.of("cs.LG", "stat.ML"), null, null, null,
                version > 0 ? Instant.parse("2025-01-02T10:00:00Z") : null,
                version > 0 ? Instant.parse("2025-01-02T10:00:00Z").plusSeconds(86400L * (version - 1)) : null,
                LocalDate.parse("2025-01-03"));
    }
}
