/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.quiz.stats.ItemStatistics.Flag;
import nl.meldcodetour.quiz.stats.ItemStatistics.Item;
import nl.meldcodetour.quiz.stats.ItemStatistics.Query;
import nl.meldcodetour.quiz.stats.ItemStatistics.Report;
import nl.meldcodetour.quiz.stats.ItemStatistics.Sort;
import nl.meldcodetour.quiz.stats.ItemStatistics.View;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The item statistics against values computed by hand on a small fixture, in PostgreSQL (issue #27, point 5).
 *
 * <h2>The fixture</h2>
 * A module with seven questions in its bank: q1 (single, options a b c, right b), q2 (single, a b c, right a),
 * q3 (multiple, a b c d, right a+b), q4 (single, a b, right a), q5 (never drawn), q6 (single, a b c, right c),
 * q7 (single, a b c d, right a). Submitted attempts, in groups that answered alike ("ok" = right):
 *
 * <pre>
 * group  persons    version day  questions (qc)          answers                                  right
 * G1     p01-p02    v1      1    q1 q2 q3 q6 (4)         b ok, b, a, c ok                          2
 * G2     p03-p06    v1      1    q1 q2 q3 q6 q7 (5)      b ok, a ok, ab ok, a, a ok                4
 * G3     p07-p12    v1      1    q1 q2 q3 q6 q7 (5)      b ok, b, ab ok, b, a ok                   3
 * G4     p13-p18    v1      1    q1 q2 q3 q6 q7 (5)      b ok, c, ac, c ok, b                      2
 * G5     p19-p20    v1      1    q1 q2 q3 q6 q7 q4 (6)   b ok, c, b, c ok, c, a ok                 3
 * G6     p01-p04    v2      2    q1 q2 q3 q6 q7 (5)      b ok, c, ab ok, a, a ok                   3
 * G7a    p21        v2      2    q1 q2 q3 q6 q4 (5)      b ok, b, d, c ok, b                       2
 * G7b    p22        v2      2    q1 q2 q3 q6 q4 (5)      a, b, d, c ok, b                          1
 * </pre>
 *
 * Not counted: p05's attempt started on day 0 and never submitted (its draft answers are all different), and a
 * submitted attempt at another module with the same question ids.
 * <p>
 * Views: all attempts = 26 (G1-G7); first attempts = 22 (G1-G5, G7: G6 are second attempts); version v1 = 20
 * (G1-G5); version v2 = 6 (G6, G7).
 *
 * <h2>How the figures are computed</h2>
 * Facility = right / attempts. Discrimination = Pearson r between the item score x (0/1) and the rest score
 * (right − x) / (qc − 1). r does not change when the rest score is multiplied by a constant, so below Y = 60 × rest
 * score (whole numbers for qc 4, 5 and 6) and r = (nΣxY − ΣxΣY) / √((nΣx² − (Σx)²)(nΣY² − (ΣY)²)); Σx² = Σx.
 * Per group (count × x, Y), e.g. for q1 in G2: x = 1, rest = (4 − 1) / 4 = 0.75, Y = 45.
 */
@QuarkusTest
class ItemStatisticsTest {

    static final String MODULE = "fixture-" + ItemFixture.RUN;
    private static boolean inserted;

    @Inject
    ItemStatistics stats;

    @Inject
    DataSource dataSource;

    static Question question(String id, Question.Type type, String options, String correct) {
        return new Question(
                id,
                type,
                "Vraag " + id + "?",
                Arrays.stream(options.split(""))
                        .map(o -> new Question.Option(o, "Antwoord " + o, Optional.empty()))
                        .toList(),
                Set.of(correct.split("")),
                Optional.empty(),
                "test",
                false,
                true,
                0);
    }

    static final List<Question> BANK = List.of(
            question("q1", Question.Type.SINGLE, "abc", "b"),
            question("q2", Question.Type.SINGLE, "abc", "a"),
            question("q3", Question.Type.MULTIPLE, "abcd", "ab"),
            question("q4", Question.Type.SINGLE, "ab", "a"),
            question("q5", Question.Type.SINGLE, "ab", "b"),
            question("q6", Question.Type.SINGLE, "abc", "c"),
            question("q7", Question.Type.SINGLE, "abcd", "a"));

    static Module module(List<Question> bank) {
        return new Module(
                MODULE,
                "Testmodule",
                "",
                Module.Kind.TOPIC,
                Set.of(),
                Set.of(),
                12,
                80,
                5,
                List.of(),
                bank,
                99,
                false,
                Module.DEFAULT_RETRY_COOLDOWN_MINUTES);
    }

    static final Module FIXTURE = module(BANK);

    @BeforeEach
    void fixture() {
        if (inserted) {
            return;
        }
        ItemFixture fx = new ItemFixture(
                dataSource, MODULE, "itemstats-" + ItemFixture.RUN + "-", "q1=b q2=a q3=ab q4=a q5=b q6=c q7=a");
        fx.open("p05", "v1", 0, "q1=a q2=b q3=cd q6=a q7=d");
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("p01 p02", "q1=b q2=b q3=a q6=c");
        groups.put("p03 p04 p05 p06", "q1=b q2=a q3=ab q6=a q7=a");
        groups.put("p07 p08 p09 p10 p11 p12", "q1=b q2=b q3=ab q6=b q7=a");
        groups.put("p13 p14 p15 p16 p17 p18", "q1=b q2=c q3=ac q6=c q7=b");
        groups.put("p19 p20", "q1=b q2=c q3=b q6=c q7=c q4=a");
        int[] right = {2, 4, 3, 2, 3};
        int g = 0;
        for (var group : groups.entrySet()) {
            for (String person : group.getKey().split(" ")) {
                assertEquals(right[g], fx.submitted(person, "v1", 1, group.getValue()), "right in " + group);
            }
            g++;
        }
        for (String person : List.of("p01", "p02", "p03", "p04")) {
            assertEquals(3, fx.submitted(person, "v2", 2, "q1=b q2=c q3=ab q6=a q7=a"));
        }
        assertEquals(2, fx.submitted("p21", "v2", 2, "q1=b q2=b q3=d q6=c q4=b"));
        assertEquals(1, fx.submitted("p22", "v2", 2, "q1=a q2=b q3=d q6=c q4=b"));
        new ItemFixture(
                        dataSource,
                        "other-" + ItemFixture.RUN,
                        "itemstats-other-" + ItemFixture.RUN + "-",
                        "q1=b q2=a q3=ab q6=c q7=a")
                .submitted("p01", "v1", 1, "q1=c q2=c q3=cd q6=a q7=d");
        inserted = true;
    }

    private Report report(View view, String version) {
        return stats.report(FIXTURE, new Query(view, version, Sort.QUESTION, false, 1, 25), List.of());
    }

    private static Item item(Report report, String id) {
        return report.items().stream()
                .filter(i -> i.questionId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id));
    }

    /** Chosen counts per option, in the bank's option order. */
    private static List<Long> chosen(Item item) {
        return item.options().stream().map(ItemStatistics.OptionShare::chosen).toList();
    }

    private static void assertFigures(
            Item item, long attempts, long right, Double discrimination, List<Flag> flags, Long... chosen) {
        String what = item.questionId();
        assertEquals(attempts, item.attempts(), what + " attempts");
        assertTrue(item.enoughAttempts(), what + " has enough attempts");
        assertEquals(right, item.right(), what + " right");
        assertEquals((double) right / attempts, item.facility(), 1e-12, what + " facility");
        if (discrimination == null) {
            assertNull(item.discrimination(), what + " discrimination undefined");
        } else {
            assertEquals(discrimination, item.discrimination(), 1e-9, what + " discrimination");
        }
        assertEquals(flags, item.flags(), what + " flags");
        assertEquals(List.of(chosen), chosen(item), what + " chosen per option");
        for (var option : item.options()) {
            assertEquals(
                    (double) option.chosen() / attempts,
                    option.share(),
                    1e-12,
                    what + " share of " + option.optionId());
        }
    }

    private static void assertTooFew(Item item, long attempts) {
        String what = item.questionId();
        assertEquals(attempts, item.attempts(), what + " attempts");
        assertFalse(item.enoughAttempts(), what + ": te weinig pogingen");
        assertNull(item.right(), what);
        assertNull(item.facility(), what);
        assertNull(item.discrimination(), what);
        assertEquals(List.of(), item.flags(), what + ": no flags without figures");
        assertTrue(
                item.options().stream().allMatch(o -> o.chosen() == null && o.share() == null),
                what + ": no option shares");
    }

    /**
     * All 26 submitted attempts.
     * <ul>
     * <li>q1: right in all but G7b: 25/26 = 96.2 % &gt; 95 % → te makkelijk. Chosen a 1 (G7b), b 25, c 0 → ongekozen
     * antwoord. Groups (x, Y): G1 2×(1, 20), G2 4×(1, 45), G3 6×(1, 30), G4 6×(1, 15), G5 2×(1, 24), G6 4×(1, 30),
     * G7a (1, 15), G7b (0, 15). n = 26, Σx = 25, ΣY = 40+180+180+90+48+120+15+15 = 688, ΣxY = 688 − 15 = 673,
     * ΣY² = 800+8100+5400+1350+1152+3600+225+225 = 20852. r = (26×673 − 25×688) / √((26×25 − 625)(26×20852 − 688²))
     * = 298 / √(25 × 68808) = 0.2272.</li>
     * <li>q2: right in G2 only: 4/26 = 15.4 % &lt; 30 % → te moeilijk. Chosen a 4, b 2+6+2 = 10 (G1, G3, G7), c 6+2+4 = 12
     * (G4, G5, G6). (x, Y): G1 2×(0, 40), G2 4×(1, 45), G3 6×(0, 45), G4 6×(0, 30), G5 2×(0, 36), G6 4×(0, 45),
     * G7a (0, 30), G7b (0, 15). n = 26, Σx = 4, ΣY = 80+180+270+180+72+180+30+15 = 1007, ΣxY = 180,
     * ΣY² = 3200+8100+12150+5400+2592+8100+900+225 = 40667. r = (26×180 − 4×1007) / √((104 − 16)(26×40667 − 1007²))
     * = 652 / √(88 × 43293) = 0.3340.</li>
     * <li>q3 (multiple, each option counted on its own): right (exactly a+b) in G2, G3, G6: 14/26 = 53.8 %. Chosen
     * a 2+4+6+6+4 = 22, b 4+6+2+4 = 16, c 6 (G4), d 2 (G7). (x, Y): G1 2×(0, 40), G2 4×(1, 45), G3 6×(1, 30),
     * G4 6×(0, 30), G5 2×(0, 36), G6 4×(1, 30), G7a (0, 30), G7b (0, 15). n = 26, Σx = 14, ΣY = 857, ΣxY = 180+180+120
     * = 480, ΣY² = 29417. r = (26×480 − 14×857) / √((364 − 196)(26×29417 − 857²)) = 482 / √(168 × 30393) = 0.2133.
     * No flag.</li>
     * <li>q4: 4 attempts (G5, G7) → te weinig pogingen. q5: never drawn, 0 attempts.</li>
     * <li>q6: right in G1, G4, G5, G7: 12/26 = 46.2 %; chosen a 4+4 = 8, b 6, c 12. (x, Y): G1 2×(1, 20), G2 4×(0, 60),
     * G3 6×(0, 45), G4 6×(1, 15), G5 2×(1, 24), G6 4×(0, 45), G7a (1, 15), G7b (1, 0). n = 26, Σx = 12, ΣY = 883,
     * ΣxY = 40+90+48+15+0 = 193, ΣY² = 38177. r = (26×193 − 12×883) / √((312 − 144)(26×38177 − 883²))
     * = −5578 / √(168 × 212913) = −0.9327 → negatieve discriminatie.</li>
     * <li>q7: 22 attempts (G2-G6); right in G2, G3, G6: 14/22 = 63.6 %. Chosen a 14, b 6, c 2, d 0 → ongekozen antwoord.
     * (x, Y): G2 4×(1, 45), G3 6×(1, 30), G4 6×(0, 30), G5 2×(0, 36), G6 4×(1, 30). n = 22, Σx = 14, ΣY = 732,
     * ΣxY = 480, ΣY² = 25092. r = (22×480 − 14×732) / √((308 − 196)(22×25092 − 732²)) = 312 / √(112 × 16200) = 0.2316.</li>
     * </ul>
     */
    @Test
    void allSubmittedAttempts() {
        Report r = report(View.ALL, null);
        assertEquals(26, r.attemptsInView(), "submitted attempts at this module only");
        assertEquals(List.of("v1", "v2"), r.versionsInView());
        assertEquals(7, r.total());
        assertEquals(
                List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7"),
                r.items().stream().map(Item::questionId).toList());
        assertFigures(
                item(r, "q1"),
                26,
                25,
                298 / Math.sqrt(25.0 * 68808),
                List.of(Flag.TOO_EASY, Flag.UNPICKED_OPTION),
                1L,
                25L,
                0L);
        assertFigures(item(r, "q2"), 26, 4, 652 / Math.sqrt(88.0 * 43293), List.of(Flag.TOO_HARD), 4L, 10L, 12L);
        assertFigures(item(r, "q3"), 26, 14, 482 / Math.sqrt(168.0 * 30393), List.of(), 22L, 16L, 6L, 2L);
        assertTooFew(item(r, "q4"), 4);
        assertTooFew(item(r, "q5"), 0);
        assertFigures(
                item(r, "q6"),
                26,
                12,
                -5578 / Math.sqrt(168.0 * 212913),
                List.of(Flag.NEGATIVE_DISCRIMINATION),
                8L,
                6L,
                12L);
        assertFigures(
                item(r, "q7"), 22, 14, 312 / Math.sqrt(112.0 * 16200), List.of(Flag.UNPICKED_OPTION), 14L, 6L, 2L, 0L);
        // as shown: one decimal for percentages (95.5 % must not read as 95 %), two for the discrimination
        assertEquals("96,2\u00a0%", ItemFormats.percent(item(r, "q1").facility()));
        assertEquals("-0,93", ItemFormats.decimal(item(r, "q6").discrimination()));
        assertEquals(Integer.valueOf(5), item(r, "q5").position());
        assertEquals(List.of("v1", "v2"), item(r, "q1").versions());
        assertEquals(List.of("v1", "v2"), item(r, "q7").versions());
    }

    /**
     * Only each person's first submitted attempt: G1-G5 and G7 = 22 attempts (G6 are second attempts of p01-p04; p05's
     * unsubmitted attempt on day 0 does not make its submitted one a second).
     * <ul>
     * <li>q1: 21/22 = 95.45 % &gt; 95 % → te makkelijk (shown as 95,5 %); chosen a 1, b 21, c 0 → ongekozen antwoord.
     * Without G6 (4×(1, 30)): n = 22, Σx = 21, ΣY = 688 − 120 = 568, ΣxY = 673 − 120 = 553, ΣY² = 20852 − 3600 = 17252.
     * r = (22×553 − 21×568) / √((22×21 − 441)(22×17252 − 568²)) = 238 / √(21 × 56920) = 0.2177.</li>
     * <li>q2: 4/22 → te moeilijk; chosen a 4, b 10, c 12 − 4 = 8. n = 22, Σx = 4, ΣY = 1007 − 180 = 827, ΣxY = 180,
     * ΣY² = 40667 − 8100 = 32567. r = (22×180 − 4×827) / √((88 − 16)(22×32567 − 827²)) = 652 / √(72 × 32545) = 0.4259.</li>
     * <li>q3: 10/22; chosen a 18, b 12, c 6, d 2. n = 22, Σx = 10, ΣY = 857 − 120 = 737, ΣxY = 480 − 120 = 360,
     * ΣY² = 29417 − 3600 = 25817. r = (22×360 − 10×737) / √((220 − 100)(22×25817 − 737²)) = 550 / √(120 × 24805) = 0.3188.</li>
     * <li>q6: 12/22; chosen a 4, b 6, c 12. n = 22, Σx = 12, ΣY = 883 − 180 = 703, ΣxY = 193, ΣY² = 38177 − 8100 = 30077.
     * r = (22×193 − 12×703) / √((264 − 144)(22×30077 − 703²)) = −4190 / √(120 × 167485) = −0.9346.</li>
     * <li>q7: 18 attempts (G2-G5) &lt; 20 → te weinig pogingen, although it has figures in the other view.</li>
     * </ul>
     */
    @Test
    void firstAttemptsOnly() {
        Report r = report(View.FIRST, null);
        assertEquals(22, r.attemptsInView());
        assertFigures(
                item(r, "q1"),
                22,
                21,
                238 / Math.sqrt(21.0 * 56920),
                List.of(Flag.TOO_EASY, Flag.UNPICKED_OPTION),
                1L,
                21L,
                0L);
        assertEquals("95,5\u00a0%", ItemFormats.percent(item(r, "q1").facility()));
        assertFigures(item(r, "q2"), 22, 4, 652 / Math.sqrt(72.0 * 32545), List.of(Flag.TOO_HARD), 4L, 10L, 8L);
        assertFigures(item(r, "q3"), 22, 10, 550 / Math.sqrt(120.0 * 24805), List.of(), 18L, 12L, 6L, 2L);
        assertTooFew(item(r, "q4"), 4);
        assertFigures(
                item(r, "q6"),
                22,
                12,
                -4190 / Math.sqrt(120.0 * 167485),
                List.of(Flag.NEGATIVE_DISCRIMINATION),
                4L,
                6L,
                12L);
        assertTooFew(item(r, "q7"), 18);
    }

    /**
     * Version v1 (G1-G5, 20 attempts, each person's first: the same in both views).
     * <ul>
     * <li>q1: 20/20 → te makkelijk; everyone scored 1, so the item score has no variance and the discrimination is
     * undefined (null, shown as "–"); a and c chosen by nobody → ongekozen antwoord.</li>
     * <li>q3: 10/20; d chosen by nobody in v1 → ongekozen antwoord. n = 20, Σx = 10 (G2, G3), ΣY = 80+180+180+180+72 = 692,
     * ΣxY = 180+180 = 360, ΣY² = 3200+8100+5400+5400+2592 = 24692. r = (20×360 − 10×692) / √((200 − 100)(20×24692 − 692²))
     * = 280 / √(100 × 14976) = 0.2288.</li>
     * <li>q6: 10/20. n = 20, Σx = 10 (G1, G4, G5), ΣY = 40+240+270+90+48 = 688, ΣxY = 40+90+48 = 178,
     * ΣY² = 800+14400+12150+1350+1152 = 29852. r = (20×178 − 10×688) / √(100 × (20×29852 − 688²)) = −3320 / √(100 × 123696)
     * = −0.9440.</li>
     * <li>q7: 18 → te weinig pogingen; q4: 2.</li>
     * </ul>
     * Version v2 (G6, G7): 6 attempts, every question te weinig pogingen; its first attempts (G7): 2.
     */
    @Test
    void oneContentVersion() {
        Report v1 = report(View.ALL, "v1");
        assertEquals(20, v1.attemptsInView());
        assertEquals(List.of("v1"), v1.versionsInView());
        assertFigures(item(v1, "q1"), 20, 20, null, List.of(Flag.TOO_EASY, Flag.UNPICKED_OPTION), 0L, 20L, 0L);
        assertEquals("–", ItemFormats.decimal(item(v1, "q1").discrimination()));
        assertFigures(
                item(v1, "q3"),
                20,
                10,
                280 / Math.sqrt(100.0 * 14976),
                List.of(Flag.UNPICKED_OPTION),
                18L,
                12L,
                6L,
                0L);
        assertFigures(
                item(v1, "q6"),
                20,
                10,
                -3320 / Math.sqrt(100.0 * 123696),
                List.of(Flag.NEGATIVE_DISCRIMINATION),
                4L,
                6L,
                10L);
        assertTooFew(item(v1, "q7"), 18);
        assertTooFew(item(v1, "q4"), 2);
        assertEquals(List.of("v1"), item(v1, "q1").versions());
        assertEquals(20, report(View.FIRST, "v1").attemptsInView());

        Report v2 = report(View.ALL, "v2");
        assertEquals(6, v2.attemptsInView());
        for (Item item : v2.items()) {
            assertFalse(item.enoughAttempts(), item.questionId());
            assertEquals(List.of(), item.flags());
        }
        assertEquals(6, item(v2, "q1").attempts());
        assertEquals(4, item(v2, "q7").attempts());
        assertEquals(2, report(View.FIRST, "v2").attemptsInView());

        List<ItemStatistics.VersionInfo> versions = stats.versions(MODULE);
        assertEquals(
                List.of("v1", "v2"),
                versions.stream().map(ItemStatistics.VersionInfo::version).toList());
        assertEquals(
                List.of(20L, 6L),
                versions.stream().map(ItemStatistics.VersionInfo::attempts).toList(),
                "submitted attempts only");
    }

    @Test
    void sortedAndPagedInTheDatabase() {
        assertEquals(
                List.of("q2", "q6", "q3", "q7", "q1", "q4", "q5"),
                order(Sort.FACILITY, false),
                "too few: last, in bank order");
        assertEquals(List.of("q1", "q7", "q3", "q6", "q2", "q4", "q5"), order(Sort.FACILITY, true));
        assertEquals(List.of("q6", "q3", "q1", "q7", "q2", "q4", "q5"), order(Sort.DISCRIMINATION, false));
        assertEquals(
                List.of("q1", "q2", "q6", "q7", "q3", "q4", "q5"),
                order(Sort.FLAGS, true),
                "2 flags, then 1, then none");
        assertEquals(List.of("q1", "q2", "q3", "q6", "q7", "q4", "q5"), order(Sort.ATTEMPTS, true));
        assertEquals(List.of("q7", "q6", "q5", "q4", "q3", "q2", "q1"), order(Sort.QUESTION, true));

        Report page2 = stats.report(FIXTURE, new Query(View.ALL, null, Sort.QUESTION, false, 2, 3), List.of());
        assertEquals(
                List.of("q4", "q5", "q6"),
                page2.items().stream().map(Item::questionId).toList());
        assertEquals(7, page2.total());
        assertEquals(3, page2.pages());
        Report page3 = stats.report(FIXTURE, new Query(View.ALL, null, Sort.QUESTION, false, 3, 3), List.of());
        assertEquals(List.of("q7"), page3.items().stream().map(Item::questionId).toList());
        Report beyond = stats.report(FIXTURE, new Query(View.ALL, null, Sort.QUESTION, false, 4, 3), List.of());
        assertEquals(List.of(), beyond.items());
        assertEquals(7, beyond.total(), "the total also past the last page");
        assertEquals(26, beyond.attemptsInView());
    }

    private List<String> order(Sort sort, boolean descending) {
        return stats.report(FIXTURE, new Query(View.ALL, null, sort, descending, 1, 25), List.of()).items().stream()
                .map(Item::questionId)
                .toList();
    }

    /**
     * A question taken out of the bank keeps its figures (from the attempts), without a place in the bank, and only
     * the option ids the attempts hold: q7 without its bank entry has no option d, so no "ongekozen antwoord".
     */
    @Test
    void aQuestionRemovedFromTheBankStillShows() {
        Module without = module(BANK.subList(0, 6));
        Report r = stats.report(without, new Query(View.ALL, null, Sort.QUESTION, false, 1, 25), List.of());
        assertEquals(
                List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7"),
                r.items().stream().map(Item::questionId).toList(),
                "removed questions come after the bank");
        Item q7 = item(r, "q7");
        assertNull(q7.position());
        assertTrue(q7.question().isEmpty());
        assertEquals(14, q7.right());
        assertEquals(List.of(), q7.flags());
        assertEquals(
                List.of("a", "b", "c"),
                q7.options().stream().map(ItemStatistics.OptionShare::optionId).toList());
        assertTrue(q7.options().stream().noneMatch(ItemStatistics.OptionShare::inBank));
    }

    @Test
    void oneQuestion() {
        Item q6 = stats.item(FIXTURE, new Query(View.FIRST, null, Sort.QUESTION, false, 1, 25), "q6")
                .orElseThrow();
        assertFigures(
                q6, 22, 12, -4190 / Math.sqrt(120.0 * 167485), List.of(Flag.NEGATIVE_DISCRIMINATION), 4L, 6L, 12L);
        assertEquals(
                List.of("c"),
                q6.options().stream()
                        .filter(ItemStatistics.OptionShare::correct)
                        .map(ItemStatistics.OptionShare::optionId)
                        .toList());
        assertTrue(stats.item(FIXTURE, new Query(View.ALL, null, Sort.QUESTION, false, 1, 25), "q9")
                .isEmpty());
        assertTrue(
                stats.item(FIXTURE, new Query(View.ALL, null, Sort.QUESTION, false, 1, 25), "q5")
                        .isPresent(),
                "in the bank");
    }
}
