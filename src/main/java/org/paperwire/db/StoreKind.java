package org.paperwire.db;

/** Which database holds the store: the embedded SQLite file, or a PostgreSQL shared by several nodes. */
public enum StoreKind {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String label;

    StoreKind(String label) {
        this.label = label;
    }

    /** The name shown on /healthz and /metrics, and the folder of this kind's migrations. */
    public String label() {
        return label;
    }

    /** Flyway's location of this kind's migrations: one version history, written in each dialect. */
    public String migrations() {
        return "classpath:db/migration/" + label;
    }
}
