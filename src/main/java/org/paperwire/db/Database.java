package org.paperwire.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.paperwire.config.PaperwireConfig.StoreConfig;

/**
 * The store: by default the embedded SQLite file under the data folder (a small pool in WAL mode), or a PostgreSQL
 * database that several nodes share. Either is migrated by Flyway on open, from one version history written in
 * each dialect ({@link StoreKind#migrations()}). Stores receive the {@link DataSource} and, where their SQL differs,
 * the {@link StoreKind}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final StoreKind kind;

    private Database(HikariDataSource dataSource, StoreKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    /** The store {@code config} names: PostgreSQL if it has a URL, else SQLite in {@code dataDir}. */
    public static Database open(Path dataDir, StoreConfig config) {
        return config.postgres() ? openPostgres(config) : open(dataDir);
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
        return migrated(new HikariDataSource(config), StoreKind.SQLITE);
    }

    private static Database openPostgres(StoreConfig store) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(store.url());
        config.setUsername(store.username().isEmpty() ? null : store.username());
        config.setPassword(store.password().isEmpty() ? null : store.password());
        config.setPoolName("paperwire-postgresql");
        config.setMaximumPoolSize(store.poolSize());
        config.setMinimumIdle(Math.min(2, store.poolSize()));
        config.setConnectionTimeout(30_000);
        config.addDataSourceProperty("ApplicationName", "paperwire");
        // READ COMMITTED is PostgreSQL's default and what the stores' SQL is written for
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("connect to the PostgreSQL store " + store.url() + " as '" + store.username()
                    + "' (check store.url, store.username and store.password, and that the server is running)",
                    e.getCause() == null ? e : e.getCause());
        }
        return migrated(ds, StoreKind.POSTGRESQL);
    }

    private static Database migrated(HikariDataSource ds, StoreKind kind) {
        try {
            Flyway.configure().dataSource(ds).locations(kind.migrations()).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, kind);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StoreKind kind() {
        return kind;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
