package org.paperwire.library.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an export writes. */
public enum ExportFormat {
    BIBTEX("bibtex"),
    CSL_JSON("csl-json");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ExportFormat> fromName(String name) {
        return Arrays.stream(values()).filter(f -> f.label.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
