/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.quiz.stats.ItemStatistics;
import nl.meldcodetour.quiz.stats.ItemStatistics.Flag;
import nl.meldcodetour.quiz.stats.ItemStatistics.Item;
import org.junit.jupiter.api.Test;

/**
 * The dev-mode demo attempts make the Toetsanalyse show what it can: figures for most questions, two versions, and
 * every flag, with the planted questions flagged as planted. Written with the demo's own insert into a copy of the core
 * module under an id of this test (so other tests' attempts do not count).
 */
@QuarkusTest
class DemoItemStatisticsTest {

    @Inject
    ContentService content;

    @Inject
    DataSource dataSource;

    @Inject
    ItemStatistics stats;

    @Test
    void theDemoShowsFiguresAndEveryFlag() throws Exception {
        Module core = content.catalog().module("meldcode-in-5-stappen").orElseThrow();
        Module module = new Module(
                "demo-" + UUID.randomUUID().toString().substring(0, 8),
                core.title(),
                core.summary(),
                core.kind(),
                core.sectors(),
                core.roles(),
                core.refresherMonths(),
                core.passMark(),
                core.drawSize(),
                core.pages(),
                core.questions(),
                core.order(),
                core.attendanceRequired(),
                core.retryCooldownMinutes());
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        List<DemoAttemptGenerator.Attempt> attempts =
                DemoAttemptGenerator.generate(27, module, 420, "demo-vorige", "nu", now);
        assertEquals(
                attempts, DemoAttemptGenerator.generate(27, module, 420, "demo-vorige", "nu", now), "deterministic");
        assertTrue(attempts.size() > 420 && attempts.size() < 700, "a second try for some: " + attempts.size());
        assertTrue(attempts.stream()
                .allMatch(a -> a.answers().size() == core.drawSize()
                        && !a.submittedAt().isAfter(now)));

        try (Connection c = dataSource.getConnection()) {
            List<Long> people = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO person (subject, display_name) SELECT ? || g, 'Demo ' || g FROM generate_series(1, 420) g
                    ORDER BY g RETURNING id""")) {
                s.setString(1, module.id() + "-");
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        people.add(r.getLong(1));
                    }
                }
            }
            assertEquals(attempts.size(), DemoItemStatistics.insert(c, module, people, attempts));
        }

        List<ItemStatistics.VersionInfo> versions = stats.versions(module.id());
        assertEquals(
                List.of("demo-vorige", "nu"),
                versions.stream().map(ItemStatistics.VersionInfo::version).toList());
        ItemStatistics.Report report = stats.report(
                module,
                new ItemStatistics.Query(ItemStatistics.View.ALL, null, ItemStatistics.Sort.QUESTION, false, 1, 200),
                versions);
        List<Item> items = report.items();
        assertEquals(core.questions().size(), items.size());
        long withFigures = items.stream().filter(Item::enoughAttempts).count();
        assertTrue(withFigures > items.size() * 9 / 10, "figures for most questions: " + withFigures);
        assertTrue(items.stream().filter(i -> i.flags().contains(Flag.TOO_EASY)).count() >= 2, "some too easy");
        assertTrue(items.stream().filter(i -> i.flags().contains(Flag.TOO_HARD)).count() >= 2, "some too hard");
        long positive = items.stream()
                .filter(i -> i.discrimination() != null && i.discrimination() > 0)
                .count();
        assertTrue(
                positive > withFigures * 3 / 4,
                "most questions discriminate positively: " + positive + " of " + withFigures);

        System.out.printf(
                "Demo item statistics: %d attempts, %d of %d questions with figures, %d too easy, %d too hard, %d positive%n",
                attempts.size(),
                withFigures,
                items.size(),
                items.stream().filter(i -> i.flags().contains(Flag.TOO_EASY)).count(),
                items.stream().filter(i -> i.flags().contains(Flag.TOO_HARD)).count(),
                positive);
        DemoAttemptGenerator.Planted planted = DemoAttemptGenerator.planted(module);
        Item negative = items.stream()
                .filter(i -> i.questionId().equals(planted.negativeQuestion()))
                .findFirst()
                .orElseThrow();
        assertTrue(negative.flags().contains(Flag.NEGATIVE_DISCRIMINATION), negative.toString());
        Item unpicked = items.stream()
                .filter(i -> i.questionId().equals(planted.unpickedQuestion()))
                .findFirst()
                .orElseThrow();
        assertTrue(unpicked.enoughAttempts() && unpicked.flags().contains(Flag.UNPICKED_OPTION), unpicked.toString());
        assertEquals(
                0L,
                unpicked.options().stream()
                        .filter(o -> o.optionId().equals(planted.unpickedOption()))
                        .findFirst()
                        .orElseThrow()
                        .chosen());
        // the first-attempt view has figures too
        ItemStatistics.Report first = stats.report(
                module,
                new ItemStatistics.Query(ItemStatistics.View.FIRST, null, ItemStatistics.Sort.QUESTION, false, 1, 200),
                versions);
        assertEquals(420, first.attemptsInView());
        assertTrue(first.items().stream().filter(Item::enoughAttempts).count() > items.size() / 2);
    }
}
