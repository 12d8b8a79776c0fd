package org.paperwire.trending;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreKind;
import org.paperwire.paper.PaperSummary;

/**
 * {@link SignalStore} in SQL that runs on SQLite and PostgreSQL. Counts change in SQL ({@code votes = votes + 1}),
 * never read and written back. The caps on votes and views are checked and written in one transaction that first
 * locks the paper's signal row: SQLite runs one writer at a time anyway, but two PostgreSQL transactions could
 * otherwise both see a network one vote short of its cap and both add one.
 */
public final class JdbcSignalStore implements SignalStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final DataSource dataSource;
    private final StoreKind kind;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcSignalStore(DataSource dataSource, StoreKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    @Override
    public List<Candidate> candidates(LocalDate from, LocalDate to, String category) {
        String sql = "SELECT p.id, p.title, p.authors, p.categories, p.day, s.votes, s.views, s.hf_upvotes,"
                + " s.github_repo, s.github_stars FROM papers p LEFT JOIN paper_signals s ON s.paper_id = p.id"
                + " WHERE p.day BETWEEN ? AND ?"
                + (category == null ? "" : " AND p.id IN (SELECT paper_id FROM paper_categories WHERE category = ?)");
        return Jdbc.read(dataSource, "read trending candidates from " + from + " to " + to, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                if (category != null) {
                    ps.setString(3, category);
                }
                List<Candidate> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Candidate(summary(rs), signals(rs)));
                    }
                }
                return result;
            }
        });
    }

    private PaperSummary summary(ResultSet rs) throws SQLException {
        String categories = rs.getString("categories");
        String day = rs.getString("day");
        try {
            return new PaperSummary(rs.getString("id"), rs.getString("title"),
                    json.readValue(rs.getString("authors"), STRINGS),
                    categories.isEmpty() ? List.of() : Arrays.asList(categories.split(" ")),
                    day == null ? null : LocalDate.parse(day));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt authors of " + rs.getString("id"), e);
        }
    }

    private static Signals signals(ResultSet rs) throws SQLException {
        return new Signals(rs.getLong("votes"), rs.getLong("views"), rs.getLong("hf_upvotes"),
                rs.getString("github_repo"), rs.getLong("github_stars"));
    }

    @Override
    public Optional<LocalDate> newestDay(LocalDate notAfter, String category) {
        String sql = "SELECT max(day) FROM papers WHERE day <= ?"
                + (category == null ? "" : " AND id IN (SELECT paper_id FROM paper_categories WHERE category = ?)");
        return Jdbc.read(dataSource, "find the newest listing day up to " + notAfter, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, notAfter.toString());
                if (category != null) {
                    ps.setString(2, category);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String day = rs.next() ? rs.getString(1) : null;
                    return Optional.ofNullable(day).map(LocalDate::parse);
                }
            }
        });
    }

    @Override
    public Signals signals(String paperId) {
        return Jdbc.read(dataSource, "read signals of " + paperId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM paper_signals WHERE paper_id = ?")) {
                ps.setString(1, paperId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? signals(rs) : Signals.NONE;
                }
            }
        });
    }

    @Override
    public boolean hasVoted(String paperId, String visitor) {
        return Jdbc.read(dataSource, "check the vote on " + paperId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM votes WHERE paper_id = ? AND visitor = ?")) {
                ps.setString(1, paperId);
                ps.setString(2, visitor);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public List<String> votedBy(String visitor) {
        return Jdbc.read(dataSource, "read the votes of a visitor", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT paper_id FROM votes WHERE visitor = ? ORDER BY created_at, paper_id")) {
                ps.setString(1, visitor);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public VoteChange addVote(String paperId, String visitor, String network, int networkCap, Instant at) {
        return Jdbc.inTransaction(dataSource, "record vote on " + paperId, c -> {
            lockRow(c, paperId, at);
            if (count(c, "SELECT count(*) FROM votes WHERE paper_id = ? AND visitor = ?", paperId, visitor) > 0) {
                return VoteChange.ALREADY_VOTED;
            }
            if (count(c, "SELECT count(*) FROM votes WHERE paper_id = ? AND network = ?", paperId, network) >= networkCap) {
                return VoteChange.NETWORK_FULL;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO votes (paper_id, visitor, created_at, network) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, paperId);
                ps.setString(2, visitor);
                ps.setString(3, at.toString());
                ps.setString(4, network);
                ps.executeUpdate();
            }
            changeCount(c, "votes = votes + 1", paperId, at);
            return VoteChange.ADDED;
        });
    }

    @Override
    public boolean removeVote(String paperId, String visitor, Instant at) {
        return Jdbc.inTransaction(dataSource, "remove vote on " + paperId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM votes WHERE paper_id = ? AND visitor = ?")) {
                ps.setString(1, paperId);
                ps.setString(2, visitor);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            changeCount(c, "votes = CASE WHEN votes > 0 THEN votes - 1 ELSE 0 END", paperId, at);
            return true;
        });
    }

    /**
     * Creates the paper's signal row if missing and locks it until commit, so that the checks of caps that follow
     * see every vote and view committed before, and no other transaction adds one until this one is done.
     */
    private void lockRow(Connection c, String paperId, Instant at) throws SQLException {
        ensureRow(c, paperId, at);
        if (kind == StoreKind.POSTGRESQL) { // SQLite's writers already run one at a time
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM paper_signals WHERE paper_id = ? FOR UPDATE")) {
                ps.setString(1, paperId);
                ps.executeQuery().close();
            }
        }
    }

    /** Changes the running count in the transaction that changed the vote rows, so counts stay exact. */
    private static void changeCount(Connection c, String countChange, String paperId, Instant at) throws SQLException {
        ensureRow(c, paperId, at);
        update(c, "UPDATE paper_signals SET " + countChange + ", updated_at = ? WHERE paper_id = ?", at, paperId);
        snapshot(c, paperId, at);
    }

    private static long count(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            ps.setString(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public int addViews(List<PageView> views, int networkCap, Instant at) {
        if (views.isEmpty()) {
            return 0;
        }
        return Jdbc.inTransaction(dataSource, "record " + views.size() + " page views", c -> {
            Map<String, Long> counted = new LinkedHashMap<>();
            // papers locked in one order, so that two batches never wait on each other's locks
            for (String paperId : new TreeSet<>(views.stream().map(PageView::paperId).toList())) {
                lockRow(c, paperId, at);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_views (day, paper_id, viewer, network)"
                    + " SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM paper_views WHERE day = ? AND paper_id = ?"
                    + " AND network = ?) < ? ON CONFLICT (day, paper_id, viewer) DO NOTHING")) {
                for (PageView v : views) {
                    String day = v.day().toString();
                    ps.setString(1, day);
                    ps.setString(2, v.paperId());
                    ps.setString(3, v.viewer());
                    ps.setString(4, v.network());
                    ps.setString(5, day);
                    ps.setString(6, v.paperId());
                    ps.setString(7, v.network());
                    ps.setLong(8, networkCap);
                    if (ps.executeUpdate() > 0) {
                        counted.merge(v.paperId(), 1L, Long::sum);
                    }
                }
            }
            for (Map.Entry<String, Long> e : counted.entrySet()) {
                ensureRow(c, e.getKey(), at);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE paper_signals SET views = views + ?, updated_at = ? WHERE paper_id = ?")) {
                    ps.setLong(1, e.getValue());
                    ps.setString(2, at.toString());
                    ps.setString(3, e.getKey());
                    ps.executeUpdate();
                }
                snapshot(c, e.getKey(), at);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM paper_views WHERE day < ?")) {
                ps.setString(1, LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1).toString());
                ps.executeUpdate();
            }
            return counted.values().stream().mapToInt(Long::intValue).sum();
        });
    }

    @Override
    public void recordHuggingFace(List<HuggingFaceSignal> signals, Instant at) {
        Jdbc.inTransaction(dataSource, "record Hugging Face signals of " + signals.size() + " papers", c -> {
            for (HuggingFaceSignal s : signals) {
                ensureRow(c, s.paperId(), at);
                try (PreparedStatement ps = c.prepareStatement("UPDATE paper_signals SET hf_upvotes = ?,"
                        + " github_repo = coalesce(?, github_repo), github_stars = CASE WHEN github_stars > ? THEN github_stars ELSE ? END,"
                        + " hf_published_at = coalesce(?, hf_published_at), updated_at = ? WHERE paper_id = ?")) {
                    ps.setLong(1, s.upvotes());
                    ps.setString(2, s.githubRepo());
                    ps.setLong(3, s.githubStars());
                    ps.setLong(4, s.githubStars());
                    ps.setString(5, s.publishedAt() == null ? null : s.publishedAt().toString());
                    ps.setString(6, at.toString());
                    ps.setString(7, s.paperId());
                    ps.executeUpdate();
                }
                snapshot(c, s.paperId(), at);
            }
            return null;
        });
    }

    @Override
    public List<DayPoint> history(String paperId) {
        return Jdbc.read(dataSource, "read signal history of " + paperId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM signal_history WHERE paper_id = ? ORDER BY day")) {
                ps.setString(1, paperId);
                List<DayPoint> points = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(new DayPoint(LocalDate.parse(rs.getString("day")), new Signals(rs.getLong("votes"),
                                rs.getLong("views"), rs.getLong("hf_upvotes"), null, rs.getLong("github_stars"))));
                    }
                }
                return points;
            }
        });
    }

    private static void ensureRow(Connection c, String paperId, Instant at) throws SQLException {
        update(c, "INSERT INTO paper_signals (paper_id, updated_at) VALUES (?, ?) ON CONFLICT (paper_id) DO NOTHING",
                paperId, at);
    }

    private static void update(Connection c, String sql, Object first, Object second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first.toString());
            ps.setString(2, second.toString());
            ps.executeUpdate();
        }
    }

    /** Records today's totals in the history (one row per paper and day, overwritten during the day). */
    private static void snapshot(Connection c, String paperId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_history"
                + " SELECT paper_id, ?, votes, views, hf_upvotes, github_stars FROM paper_signals WHERE paper_id = ?"
                + " ON CONFLICT (paper_id, day) DO UPDATE SET votes = excluded.votes, views = excluded.views,"
                + " hf_upvotes = excluded.hf_upvotes, github_stars = excluded.github_stars")) {
            ps.setString(1, LocalDate.ofInstant(at, ZoneOffset.UTC).toString());
            ps.setString(2, paperId);
            ps.executeUpdate();
        }
    }
}
