package org.paperwire.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/**
 * {@link PaperStore} in SQL that runs unchanged on SQLite and PostgreSQL. Writers take their change numbers from
 * the counters row in the writing transaction (see {@link #reserveSeq}), which keeps the change feed gap-free.
 */
public final class JdbcPaperStore implements PaperStore {
    private static final String COLUMNS = "id, version, title, abstract, authors, categories, comment, journal_ref, doi,"
            + " first_submitted, last_updated, listed_on, seq";
    private static final int IN_CHUNK = 500;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final DataSource dataSource;
    private final InstantSource clock;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcPaperStore(DataSource dataSource, InstantSource clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Reads the stored rows and merges the batch into them before taking any lock; then takes the change numbers
     * (the first lock of every paper writer, so two writers never wait on each other in opposite orders), and only
     * if another writer changed one of these papers meanwhile (on PostgreSQL, whose writers run side by side)
     * merges again from what it wrote. Under the counters row's lock nobody else writes papers until commit.
     */
    @Override
    public List<UpsertOutcome> upsertAll(List<Paper> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> ids = batch.stream().map(Paper::id).distinct().toList();
        return Jdbc.inTransaction(dataSource, "save " + describe(batch), c -> {
            Map<String, Row> stored = loadRows(c, ids);
            Plan plan = plan(batch, stored);
            if (plan.changed().isEmpty() && plan.movedDays().isEmpty()) {
                return plan.outcomes();
            }
            long seq = reserveSeq(c, plan.changed().size());
            if (!versions(c, ids).equals(versions(stored))) {
                stored = loadRows(c, ids);
                plan = plan(batch, stored);
                seq = reserveSeq(c, plan.changed().size()); // the numbers taken first stay unused: gaps are harmless
            }
            write(c, plan.changed().values(), stored, seq);
            writeContentDays(c, plan.movedDays().values());
            return plan.outcomes();
        });
    }

    /** What a batch does to the stored rows: papers to write, content days to move, and each record's outcome. */
    private record Plan(Map<String, Row> changed, Map<String, Row> movedDays, List<UpsertOutcome> outcomes) {}

    private static Plan plan(List<Paper> batch, Map<String, Row> stored) {
        Map<String, Row> current = new HashMap<>(stored);
        Map<String, Row> changed = new LinkedHashMap<>();
        Map<String, Row> movedDays = new LinkedHashMap<>();
        List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
        for (Paper incoming : batch) {
            Row before = current.get(incoming.id());
            PaperMerge.Result result = before == null ? PaperMerge.merge(null, null, incoming)
                    : PaperMerge.merge(before.paper(), before.contentDay(), incoming);
            Row after = new Row(result.paper(), result.contentDay(), 0);
            if (result.outcome() != UpsertOutcome.UNCHANGED) {
                changed.put(incoming.id(), after);
                movedDays.remove(incoming.id());
            } else if (!Objects.equals(before.contentDay(), after.contentDay())) {
                // the same text listed again later: only the day that decides the next merge moves
                if (changed.containsKey(incoming.id())) {
                    changed.put(incoming.id(), after);
                } else {
                    movedDays.put(incoming.id(), after);
                }
            }
            current.put(incoming.id(), after);
            outcomes.add(result.outcome());
        }
        return new Plan(changed, movedDays, outcomes);
    }

    /** Each stored paper's change number and content day: what tells whether another writer changed it. */
    private static Map<String, String> versions(Map<String, Row> rows) {
        Map<String, String> versions = new HashMap<>();
        rows.forEach((id, row) -> versions.put(id, row.seq() + "@" + row.contentDay()));
        return versions;
    }

    private static Map<String, String> versions(Connection c, List<String> ids) throws SQLException {
        Map<String, String> versions = new HashMap<>();
        forChunks(c, "SELECT id, seq, content_listed_on FROM papers", ids, rs -> versions.put(rs.getString(1),
                rs.getLong(2) + "@" + day(rs.getString(3))));
        return versions;
    }

    /** Names a batch in the operation a store failure reports: "paper 2406.01234", or its size and first id. */
    private static String describe(List<Paper> batch) {
        String first = batch.get(0).id();
        return batch.size() == 1 ? "paper " + first : batch.size() + " papers (the first " + first + ")";
    }

    /**
     * A paper and the listing day of the record its text came from (see {@link PaperMerge}); {@code seq} is its
     * stored change number (0 for one not written yet).
     */
    private record Row(Paper paper, LocalDate contentDay, long seq) {}

    /** Writes the changed papers; {@code stored} holds what the store had for them before this batch. */
    private void write(Connection c, Collection<Row> rows, Map<String, Row> stored, long seq) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String now = clock.instant().toString();
        String upsert = "INSERT INTO papers (" + COLUMNS + ", changed_at, content_listed_on, title_hash)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (id) DO UPDATE SET version=excluded.version, title=excluded.title,"
                + " abstract=excluded.abstract, authors=excluded.authors, categories=excluded.categories,"
                + " comment=excluded.comment, journal_ref=excluded.journal_ref, doi=excluded.doi,"
                + " first_submitted=excluded.first_submitted, last_updated=excluded.last_updated,"
                + " listed_on=excluded.listed_on, seq=excluded.seq, changed_at=excluded.changed_at,"
                + " content_listed_on=excluded.content_listed_on, title_hash=excluded.title_hash";
        try (PreparedStatement up = c.prepareStatement(upsert);
                PreparedStatement delCat = c.prepareStatement(
                        "DELETE FROM paper_categories WHERE category = ? AND paper_id = ?");
                PreparedStatement addCat = c.prepareStatement(
                        "INSERT INTO paper_categories (category, paper_id) VALUES (?, ?)"
                                + " ON CONFLICT (category, paper_id) DO NOTHING")) {
            for (Row row : rows) {
                Paper p = row.paper();
                int i = 1;
                up.setString(i++, p.id());
                up.setInt(i++, p.version());
                up.setString(i++, p.title());
                up.setString(i++, p.abstractText());
                up.setString(i++, toJson(p.authors()));
                up.setString(i++, String.join(" ", p.categories()));
                up.setString(i++, p.comment());
                up.setString(i++, p.journalRef());
                up.setString(i++, p.doi());
                up.setString(i++, text(p.firstSubmitted()));
                up.setString(i++, text(p.lastUpdated()));
                up.setString(i++, text(p.listedOn()));
                up.setLong(i++, ++seq);
                up.setString(i++, now);
                up.setString(i++, text(row.contentDay()));
                up.setLong(i, TitleKey.of(p.title()).hash());
                up.addBatch();
                List<String> before = stored.containsKey(p.id()) ? stored.get(p.id()).paper().categories() : List.of();
                addCategoryRows(delCat, p.id(), before, p.categories());
                addCategoryRows(addCat, p.id(), p.categories(), before);
            }
            up.executeBatch();
            delCat.executeBatch();
            addCat.executeBatch();
        }
    }

    /** Moves the content day of papers whose text did not change, without a new change number (nothing to index). */
    private static void writeContentDays(Connection c, Collection<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE papers SET content_listed_on = ? WHERE id = ?")) {
            for (Row row : rows) {
                ps.setString(1, text(row.contentDay()));
                ps.setString(2, row.paper().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Batches {@code statement} for each of {@code categories} not in {@code except}. Category rows are
     * changed by their primary key (category, paper id) only where they differ: deleting all of a paper's
     * rows by paper id alone would scan the whole table for every paper.
     */
    private static void addCategoryRows(PreparedStatement statement, String paperId, List<String> categories,
            List<String> except) throws SQLException {
        for (String category : categories) {
            if (!except.contains(category)) {
                statement.setString(1, category);
                statement.setString(2, paperId);
                statement.addBatch();
            }
        }
    }

    /**
     * Reserves {@code n} change numbers inside the caller's write transaction; returns the last one before them.
     * This is what keeps the change feed gap-free with several writers: the counters row stays locked until the
     * transaction commits, so the next writer gets its numbers only after these rows are visible, and papers
     * commit in the order of their numbers. A follower that read up to some number never later finds a smaller
     * one. (A database sequence would not do: its numbers are handed out at once, and a writer that took 7 may
     * commit after one that took 8 was read.) With {@code n} 0 it only takes the lock.
     */
    private static long reserveSeq(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE counters SET value = value + ? WHERE name = 'paper_seq' RETURNING value")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - n;
            }
        }
    }

    private Map<String, Paper> load(Connection c, List<String> ids) throws SQLException {
        Map<String, Paper> papers = new HashMap<>();
        loadRows(c, ids).forEach((id, row) -> papers.put(id, row.paper()));
        return papers;
    }

    private Map<String, Row> loadRows(Connection c, List<String> ids) throws SQLException {
        Map<String, Row> found = new HashMap<>();
        forChunks(c, "SELECT " + COLUMNS + ", content_listed_on FROM papers", ids, rs -> {
            Paper p = map(rs);
            found.put(p.id(), new Row(p, day(rs.getString("content_listed_on")), rs.getLong("seq")));
        });
        return found;
    }

    /** Reads one row at a time. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code select} for the papers among {@code ids}, in chunks that keep the statement's parameters few. */
    private static void forChunks(Connection c, String select, List<String> ids, RowReader reader) throws SQLException {
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    @Override
    public Optional<Paper> find(String id) {
        return Jdbc.read(dataSource, "read paper " + id, c -> Optional.ofNullable(load(c, List.of(id)).get(id)));
    }

    @Override
    public List<Paper> findAll(List<String> ids) {
        Map<String, Paper> found = Jdbc.read(dataSource, "read " + ids.size() + " papers", c -> load(c, ids.stream().distinct().toList()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Paper> findByTitleKeys(Collection<TitleKey> keys) {
        Set<TitleKey> wanted = new HashSet<>(keys);
        List<Long> hashes = wanted.stream().filter(k -> !k.isEmpty()).map(TitleKey::hash).distinct().toList();
        return Jdbc.read(dataSource, "find papers by " + hashes.size() + " titles", c -> {
            List<Paper> found = new ArrayList<>();
            for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
                List<Long> chunk = hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM papers WHERE title_hash IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Paper p = map(rs);
                            if (wanted.contains(TitleKey.of(p.title()))) { // two keys may share a hash
                                found.add(p);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public long count() {
        return Jdbc.read(dataSource, "count papers", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM papers")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<Change> changesSince(long seq, int limit) {
        return Jdbc.read(dataSource, "read paper changes after " + seq, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM papers WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, limit);
                List<Change> changes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong("seq"), map(rs)));
                    }
                }
                return changes;
            }
        });
    }

    @Override
    public int renumber(List<String> ids) {
        List<String> distinct = ids.stream().distinct().sorted().toList();
        if (distinct.isEmpty()) {
            return 0;
        }
        return Jdbc.inTransaction(dataSource, "renumber " + distinct.size() + " papers", c -> {
            long seq = reserveSeq(c, distinct.size()); // under the counters row's lock: numbers commit in order
            try (PreparedStatement ps = c.prepareStatement("UPDATE papers SET seq = ? WHERE id = ?")) {
                for (String id : distinct) {
                    ps.setLong(1, ++seq);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                return Arrays.stream(ps.executeBatch()).map(n -> Math.max(n, 0)).sum();
            }
        });
    }

    @Override
    public long lastSeq() {
        return Jdbc.read(dataSource, "read the last paper change", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT value FROM counters WHERE name = 'paper_seq'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<LocalDate> newestDay(LocalDate notAfter) {
        return Jdbc.read(dataSource, "find the newest listing day up to " + notAfter, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(day) FROM papers WHERE day <= ?")) {
                ps.setString(1, notAfter.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    String day = rs.next() ? rs.getString(1) : null;
                    return Optional.ofNullable(day).map(LocalDate::parse);
                }
            }
        });
    }

    private Paper map(ResultSet rs) throws SQLException {
        String categories = rs.getString("categories");
        String listedOn = rs.getString("listed_on");
        return new Paper(
                rs.getString("id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("abstract"),
                fromJson(rs.getString("authors")),
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split(" ")),
                rs.getString("comment"),
                rs.getString("journal_ref"),
                rs.getString("doi"),
                instant(rs.getString("first_submitted")),
                instant(rs.getString("last_updated")),
                day(listedOn));
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + values, e);
        }
    }

    private List<String> fromJson(String text) {
        try {
            return json.readValue(text, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt authors column: " + text, e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
