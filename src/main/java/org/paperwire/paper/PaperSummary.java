package org.paperwire.paper;

import java.time.LocalDate;
import java.util.List;

/** The few fields a list of papers shows: enough to render a row without loading abstracts. */
public record PaperSummary(String id, String title, List<String> authors, List<String> categories, LocalDate day) {
    public PaperSummary {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
