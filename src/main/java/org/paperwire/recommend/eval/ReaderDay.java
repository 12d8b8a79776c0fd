package org.paperwire.recommend.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * One task of the reader-history evaluation: a researcher's earlier papers ({@code library}, oldest first) and the
 * listing day on which their next paper ({@code relevant}) appeared among everything first listed that day.
 */
public record ReaderDay(String reader, LocalDate date, List<String> library, List<String> relevant) {
    public ReaderDay {
        library = List.copyOf(library);
        relevant = List.copyOf(relevant);
    }
}
