/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes quiz attempts straight into the database, as QuizService would have stored them: per attempt the drawn
 * questions with the right options frozen at draw time and the options chosen, and once submitted the number right.
 * Answers are written as {@code "q1=b q3=ab"}: question q1, option b chosen; question q3, options a and b.
 */
final class ItemFixture {

    static final Instant DAY_ZERO = Instant.parse("2026-01-05T09:00:00Z");
    /** Unique per test run: module ids, versions and subjects of the tests' own attempts (the database is shared). */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final DataSource dataSource;
    private final String moduleId;
    private final String personPrefix;
    private final Map<String, Set<String>> correct;
    private final Map<String, Long> people = new HashMap<>();
    private int sequence;

    /** {@code correct}: the right options per question id, e.g. {@code "q1=b q3=ab"}. */
    ItemFixture(DataSource dataSource, String moduleId, String personPrefix, String correct) {
        this.dataSource = dataSource;
        this.moduleId = moduleId;
        this.personPrefix = personPrefix;
        this.correct = parse(correct);
    }

    /** A submitted attempt on day {@code day} of person {@code person}; returns the number right it stored. */
    int submitted(String person, String version, int day, String answers) {
        return insert(person, version, day, true, answers);
    }

    /** An attempt that was started (with draft answers) but never submitted. */
    void open(String person, String version, int day, String answers) {
        insert(person, version, day, false, answers);
    }

    private int insert(String person, String version, int day, boolean submitted, String answers) {
        Map<String, Set<String>> chosen = parse(answers);
        int right = (int) chosen.entrySet().stream()
                .filter(e -> e.getValue().equals(correct.get(e.getKey())))
                .count();
        Instant started = DAY_ZERO.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(sequence++));
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            long personId = person(c, person);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO quiz_attempt (id, person_id, module_id, content_version, pass_mark, question_count, started_at,
                                              submitted_at, right_count, percentage, passed)
                    VALUES (?, ?, ?, ?, 80, ?, ?, ?, ?, ?, ?)""")) {
                s.setObject(1, id);
                s.setLong(2, personId);
                s.setString(3, moduleId);
                s.setString(4, version);
                s.setInt(5, chosen.size());
                s.setTimestamp(6, Timestamp.from(started));
                s.setTimestamp(7, submitted ? Timestamp.from(started.plus(Duration.ofMinutes(10))) : null);
                s.setObject(8, submitted ? right : null);
                s.setObject(9, submitted ? right * 100 / chosen.size() : null);
                s.setObject(10, submitted ? right * 100 >= 80 * chosen.size() : null);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO attempt_question (attempt_id, position, question_id, correct_options, chosen_options)
                    VALUES (?, ?, ?, ?, ?)""")) {
                int position = 1;
                for (var e : chosen.entrySet()) {
                    s.setObject(1, id);
                    s.setInt(2, position++);
                    s.setString(3, e.getKey());
                    s.setArray(
                            4,
                            c.createArrayOf("varchar", correct.get(e.getKey()).toArray()));
                    s.setArray(5, c.createArrayOf("varchar", e.getValue().toArray()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return right;
    }

    private long person(Connection c, String name) throws SQLException {
        Long id = people.get(name);
        if (id == null) {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO person (subject, display_name) VALUES (?, ?) RETURNING id")) {
                s.setString(1, personPrefix + name);
                s.setString(2, "Fixture " + name);
                try (var r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            people.put(name, id);
        }
        return id;
    }

    /** "q1=b q3=ab" → {q1: [b], q3: [a, b]}, in the order written (a question id may itself hold a "="). */
    static Map<String, Set<String>> parse(String answers) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (String part : answers.trim().split("\\s+")) {
            int eq = part.lastIndexOf('=');
            result.put(
                    part.substring(0, eq),
                    Arrays.stream(part.substring(eq + 1).split("")).collect(Collectors.toCollection(TreeSet::new)));
        }
        return result;
    }

    /** The subjects of the persons this fixture made (to check that no answer contains them). */
    List<String> subjects() {
        return people.keySet().stream().map(n -> personPrefix + n).toList();
    }
}
