/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import org.jboss.logging.Logger;

/**
 * Copies the reference data the coverage SQL needs (sectors with their "obliged" flag, the modules each function
 * requires) from content/ into the database at startup. When it changed, every organisation is recomputed.
 */
@ApplicationScoped
public class CoverageReferenceSync {

    private static final Logger LOG = Logger.getLogger(CoverageReferenceSync.class);

    @Inject
    DataSource dataSource;

    @Inject
    ContentService content;

    @Inject
    CoverageRefresher refresher;

    /** Early, so that dev demo data (which reads ref_required_module) finds the reference data. */
    void onStart(@Observes @jakarta.annotation.Priority(100) StartupEvent event) {
        if (sync()) {
            LOG.info("Coverage reference data changed: every organisation will be recomputed");
            refresher.markAllDirty();
        }
    }

    /** Returns whether anything changed. */
    boolean sync() {
        try (Connection c = dataSource.getConnection()) {
            return write(c, content.catalog());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy reference data for the coverage figures", e);
        }
    }

    /** Writes the reference data when it differs (in its own transaction); returns whether it changed. */
    public static boolean write(Connection c, ContentCatalog catalog) throws SQLException {
        Set<String> sectors = new TreeSet<>();
        for (Sector s : catalog.sectors().values()) {
            sectors.add(s.id() + "|" + s.name() + "|" + s.parent().orElse("") + "|" + s.obliged());
        }
        Set<String> required = new TreeSet<>();
        for (Module m : catalog.modules()) {
            if (m.core()) {
                required.add("*|" + m.id());
            }
        }
        for (JobFunction f : catalog.functions().values()) {
            for (Module m : catalog.modulesForFunction(f)) {
                if (!m.core()) {
                    required.add(f.id() + "|" + m.id());
                }
            }
        }
        {
            c.setAutoCommit(false);
            CoverageRefresher.lock(c);
            boolean changed = !sectors.equals(
                            read(
                                    c,
                                    "SELECT id || '|' || name || '|' || coalesce(parent, '') || '|' || obliged FROM ref_sector"))
                    || !required.equals(read(c, "SELECT function_id || '|' || module_id FROM ref_required_module"));
            if (changed) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM ref_sector");
                    s.executeUpdate("DELETE FROM ref_required_module");
                }
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO ref_sector (id, name, parent, obliged) VALUES (?, ?, ?, ?)")) {
                    for (Sector s : catalog.sectors().values()) {
                        p.setString(1, s.id());
                        p.setString(2, s.name());
                        p.setString(3, s.parent().orElse(null));
                        p.setBoolean(4, s.obliged());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO ref_required_module (function_id, module_id) VALUES (?, ?)")) {
                    for (String r : required) {
                        String[] parts = r.split("\\|", 2);
                        p.setString(1, parts[0]);
                        p.setString(2, parts[1]);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return changed;
        }
    }

    private static Set<String> read(Connection c, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
