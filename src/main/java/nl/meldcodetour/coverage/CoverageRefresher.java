/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nl.meldcodetour.core.LogScrub;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the materialised figures ({@code coverage_org}, {@code coverage_rollup}) equal to what the history says.
 * Triggers put every changed organisation in {@code coverage_dirty}; {@link #refreshDirty} recomputes those
 * organisations for every materialised date. New reference dates are computed for all organisations at once.
 * One transaction-scoped advisory lock serialises refreshes across instances of the application.
 */
@ApplicationScoped
public class CoverageRefresher {

    private static final Logger LOG = Logger.getLogger(CoverageRefresher.class);
    /** Advisory lock key: "mcdk" (meldcode dekking). */
    private static final long LOCK = 0x6d63646bL;
    /** Organisations recomputed per transaction. */
    static final int BATCH = 2000;
    /** Quarter ends kept for the trend: three years. */
    static final int QUARTERS = 12;
    /** Dates asked for besides today and the quarter ends that stay materialised. */
    static final int ASKED_KEPT = 10;

    /** Above this many employments, new dates are computed in the background (national scale: ~40 s per date). */
    @Inject
    MeldcodetourConfig config;

    @Inject
    DataSource dataSource;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coverage-refresh");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    void onStart(@jakarta.enterprise.event.Observes StartupEvent event) {
        inBackground("dates", () -> ensureDates(null));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Runs the task once in the background unless the same task is already waiting or running. */
    void inBackground(String key, Runnable task) {
        if (queued.add(key)) {
            background.submit(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Background coverage refresh failed", LogScrub.throwable(e));
                } finally {
                    queued.remove(key);
                }
            });
        }
    }

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The last {@link #QUARTERS} quarter ends before today, oldest first. */
    public List<LocalDate> quarterEnds() {
        return quarterEnds(today());
    }

    static List<LocalDate> quarterEnds(LocalDate today) {
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        List<LocalDate> ends = new ArrayList<>();
        for (int i = QUARTERS; i >= 1; i--) {
            ends.add(quarterStart.minusMonths(3L * (i - 1)).minusDays(1));
        }
        return ends;
    }

    /** Everything a dashboard request needs to know before it reads, in one round trip. */
    public record State(long missing, boolean todayMissing, long pending, boolean large, LocalDate latest) {}

    public State state(Collection<LocalDate> needed) {
        Set<LocalDate> wanted = new LinkedHashSet<>(needed);
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("""
                SELECT ? - (SELECT count(*) FROM coverage_date WHERE ref_date = ANY (?)),
                       NOT EXISTS (SELECT 1 FROM coverage_date WHERE ref_date = ?),
                       (SELECT count(*) FROM coverage_dirty),
                       (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = 'employment') > ?,
                       (SELECT max(ref_date) FROM coverage_date)""")) {
            p.setLong(1, wanted.size());
            p.setArray(2, c.createArrayOf("date", wanted.toArray()));
            p.setObject(3, today());
            p.setLong(4, config.coverage().syncComputeLimit());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new State(
                        rs.getLong(1),
                        rs.getBoolean(2),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes sure today, the quarter ends and {@code asked} (may be null) are materialised; cheap when they are. */
    public void ensureDates(LocalDate asked) {
        LocalDate today = today();
        List<LocalDate> quarters = quarterEnds();
        try (Connection c = dataSource.getConnection()) {
            Set<LocalDate> present = new LinkedHashSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ref_date FROM coverage_date")) {
                while (rs.next()) {
                    present.add(rs.getObject(1, LocalDate.class));
                }
            }
            Set<LocalDate> wanted = new LinkedHashSet<>(quarters);
            wanted.add(today);
            if (asked != null) {
                wanted.add(asked);
            }
            if (present.containsAll(wanted)) {
                return;
            }
            c.setAutoCommit(false);
            lock(c);
            memory(c);
            present.clear();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ref_date FROM coverage_date")) {
                while (rs.next()) {
                    present.add(rs.getObject(1, LocalDate.class));
                }
            }
            List<LocalDate> missing =
                    wanted.stream().filter(d -> !present.contains(d)).toList();
            long started = System.nanoTime();
            if (!missing.isEmpty()) {
                // bring already materialised dates up to date first, so all dates reflect the same history
                drainDirty(c);
                for (LocalDate d : missing) {
                    computeAll(c, d);
                }
                try (PreparedStatement p = c.prepareStatement(CoverageSql.ROLLUP)) {
                    Array dates = c.createArrayOf("date", missing.toArray());
                    p.setArray(1, dates);
                    p.setArray(2, dates);
                    p.setNull(3, Types.ARRAY);
                    p.setNull(4, Types.ARRAY);
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO coverage_date (ref_date, kind) VALUES (?, ?) ON CONFLICT (ref_date) DO NOTHING")) {
                    for (LocalDate d : missing) {
                        p.setObject(1, d);
                        p.setString(2, d.equals(today) ? "today" : quarters.contains(d) ? "quarter" : "asked");
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            // re-label and forget dates nobody needs any more
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE coverage_date SET kind = CASE WHEN ref_date = ? THEN 'today' WHEN ref_date = ANY (?) THEN 'quarter' ELSE 'asked' END""")) {
                p.setObject(1, today);
                p.setArray(2, c.createArrayOf("date", quarters.toArray()));
                p.executeUpdate();
            }
            List<LocalDate> drop = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT ref_date FROM coverage_date WHERE kind = 'asked' AND ref_date <> coalesce(?, '1900-01-01'::date)
                    ORDER BY computed_at DESC OFFSET ?""")) {
                p.setObject(1, asked);
                p.setInt(2, ASKED_KEPT - 1);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        drop.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
            if (!drop.isEmpty()) {
                Array dates = c.createArrayOf("date", drop.toArray());
                for (String table : List.of("coverage_org", "coverage_rollup", "coverage_date")) {
                    try (PreparedStatement p =
                            c.prepareStatement("DELETE FROM " + table + " WHERE ref_date = ANY (?)")) {
                        p.setArray(1, dates);
                        p.executeUpdate();
                    }
                }
            }
            c.commit();
            if (!missing.isEmpty()) {
                LOG.infof("Coverage computed for %s in %d ms", missing, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not materialise coverage dates", e);
        }
    }

    /** Computes one date for every organisation (no rollup). */
    static void computeAll(Connection c, LocalDate date) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(CoverageSql.COMPUTE_ALL)) {
            p.setObject(1, date);
            p.executeUpdate();
        }
    }

    /** Number of organisations waiting for a recompute. */
    public long pending() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM coverage_dirty")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes every organisation marked as changed, in batches; returns how many were recomputed. */
    public int refreshDirty() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            lock(c);
            memory(c);
            int n = drainDirty(c);
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh coverage", e);
        }
    }

    /** Recomputes everything (after a change of reference data such as required modules). */
    public void markAllDirty() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO coverage_dirty SELECT id FROM organisation ON CONFLICT DO NOTHING");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int drainDirty(Connection c) throws SQLException {
        int total = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    DELETE FROM coverage_dirty WHERE organisation_id IN (SELECT organisation_id FROM coverage_dirty LIMIT ?)
                    RETURNING organisation_id""")) {
                p.setInt(1, BATCH);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return total;
            }
            total += ids.size();
            Array orgs = c.createArrayOf("bigint", ids.toArray());
            List<String> gemeenten = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT gemeente FROM coverage_org WHERE organisation_id = ANY (?)
                    UNION SELECT gemeente FROM organisation WHERE id = ANY (?)""")) {
                p.setArray(1, orgs);
                p.setArray(2, orgs);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        gemeenten.add(rs.getString(1));
                    }
                }
            }
            List<LocalDate> dates = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ref_date FROM coverage_date")) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, LocalDate.class));
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM coverage_org WHERE organisation_id = ANY (?)")) {
                p.setArray(1, orgs);
                p.executeUpdate();
            }
            if (!dates.isEmpty()) {
                try (PreparedStatement p = c.prepareStatement(CoverageSql.COMPUTE)) {
                    p.setArray(1, c.createArrayOf("date", dates.toArray()));
                    p.setArray(2, orgs);
                    p.setArray(3, orgs);
                    p.executeUpdate();
                }
            }
            Array g = c.createArrayOf("text", gemeenten.toArray());
            try (PreparedStatement p = c.prepareStatement("DELETE FROM coverage_rollup WHERE gemeente = ANY (?)")) {
                p.setArray(1, g);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(CoverageSql.ROLLUP)) {
                p.setNull(1, Types.ARRAY);
                p.setNull(2, Types.ARRAY);
                p.setArray(3, g);
                p.setArray(4, g);
                p.executeUpdate();
            }
        }
    }

    /** The national computation groups millions of rows: give this transaction the memory to do it without spilling. */
    private static void memory(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL work_mem = '512MB'");
        }
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            p.setLong(1, LOCK);
            p.executeQuery().close();
        }
    }
}
