/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import org.jboss.logging.Logger;

/**
 * Dev mode only: submitted quiz attempts of a few hundred invented learners ({@code demo-leerling-N}) at three
 * modules, so that the Toetsanalyse (log in as {@code redacteur} or {@code beheerder}) shows figures, two content
 * versions and every flag ({@link DemoAttemptGenerator}). Written once, in JDBC batches; a restart finds the learners and
 * changes nothing (the dev database in data/postgres persists).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoItemStatistics {

    private static final Logger LOG = Logger.getLogger(DemoItemStatistics.class);
    static final String SUBJECT = "demo-leerling-";
    /** The version of the older attempts: a content version that no longer exists. */
    static final String OLDER_VERSION = "demo-vorige";
    /** A module and how many invented learners took its quiz. */
    record Demo(String moduleId, int learners) {}

    static final List<Demo> MODULES =
            List.of(new Demo("meldcode-in-5-stappen", 420), new Demo("onderwijs", 160), new Demo("kinderopvang", 120));

    @Inject
    DataSource dataSource;

    @Inject
    ContentService content;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT EXISTS (SELECT 1 FROM person WHERE subject LIKE ?)")) {
                s.setString(1, SUBJECT + "%");
                try (var r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
            }
            int learners = MODULES.stream().mapToInt(Demo::learners).max().orElse(0);
            List<Long> people = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO person (subject, display_name) SELECT ? || g, 'Leerling ' || g || ' (demo)'
                    FROM generate_series(1, ?) g ORDER BY g RETURNING id""")) {
                s.setString(1, SUBJECT);
                s.setInt(2, learners);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        people.add(r.getLong(1));
                    }
                }
            }
            int total = 0;
            long seed = 27;
            for (Demo demo : MODULES) {
                Module module = content.catalog().module(demo.moduleId()).orElse(null);
                if (module == null || module.questions().isEmpty()) {
                    continue;
                }
                total += insert(
                        c,
                        module,
                        people,
                        DemoAttemptGenerator.generate(
                                seed++,
                                module,
                                demo.learners(),
                                OLDER_VERSION,
                                content.catalog().version(),
                                clock.instant()));
            }
            LOG.infof(
                    "Dev demo data: %d quiz attempts of %d invented learners for the Toetsanalyse (log in as redacteur)",
                    total, learners);
        }
    }

    static int insert(Connection c, Module module, List<Long> people, List<DemoAttemptGenerator.Attempt> attempts)
            throws SQLException {
        try (PreparedStatement a = c.prepareStatement("""
                INSERT INTO quiz_attempt (id, person_id, module_id, content_version, pass_mark, question_count, started_at,
                                          submitted_at, right_count, percentage, passed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement q = c.prepareStatement("""
                        INSERT INTO attempt_question (attempt_id, position, question_id, correct_options, chosen_options)
                        VALUES (?, ?, ?, ?, ?)""")) {
            for (DemoAttemptGenerator.Attempt attempt : attempts) {
                UUID id = UUID.randomUUID();
                a.setObject(1, id);
                a.setLong(2, people.get(attempt.learner() - 1));
                a.setString(3, module.id());
                a.setString(4, attempt.contentVersion());
                a.setInt(5, attempt.passMark());
                a.setInt(6, attempt.answers().size());
                a.setTimestamp(7, Timestamp.from(attempt.startedAt()));
                a.setTimestamp(8, Timestamp.from(attempt.submittedAt()));
                a.setInt(9, attempt.right());
                a.setInt(10, attempt.percentage());
                a.setBoolean(11, attempt.passed());
                a.addBatch();
                int position = 1;
                for (DemoAttemptGenerator.Answer answer : attempt.answers()) {
                    q.setObject(1, id);
                    q.setInt(2, position++);
                    q.setString(3, answer.questionId());
                    q.setArray(
                            4,
                            c.createArrayOf(
                                    "varchar",
                                    answer.correct().stream().sorted().toArray()));
                    q.setArray(
                            5,
                            c.createArrayOf(
                                    "varchar", answer.chosen().stream().sorted().toArray()));
                    q.addBatch();
                }
            }
            a.executeBatch();
            q.executeBatch();
        }
        return attempts.size();
    }
}
