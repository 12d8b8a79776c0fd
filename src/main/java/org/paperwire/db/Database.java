package org.paperwire.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The embedded SQLite store under the data folder: a small connection pool in WAL mode, migrated by
 * Flyway on open. Stores receive the {@link DataSource}; nothing else in the code knows it is SQLite
 * except the SQL dialect of the store implementations.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) {@code paperwire.db} in {@code dataDir} and applies pending migrations. The store
     * and its {@code -wal} and {@code -shm} files are kept 0600 (they hold subscribers' addresses): the database
     * file is created so before SQLite opens it, and SQLite gives its WAL and shared-memory files the database
     * file's mode.
     */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve("paperwire.db");
        try {
            Files.createDirectories(dataDir);
            PrivateFiles.create(file);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                PrivateFiles.restrict(dataDir.resolve("paperwire.db" + suffix)); // left by an older version
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store " + file + " with owner-only permissions: "
                    + e.getMessage() + "; check the data folder's owner and permissions", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setPoolName("paperwire-sqlite");
        config.setMaximumPoolSize(4);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
