package org.paperwire.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How results are ranked. */
public enum SearchMode {
    /** BM25 over title, abstract and authors. */
    KEYWORD,
    /** Nearest paper vectors to the query's vector. */
    SEMANTIC,
    /** Both, fused; the default. */
    HYBRID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchMode> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
