/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A learning module as a trainer wrote it in content/modules/{id}/module.yml.
 *
 * @param kind           core (everyone), sector (the job), topic (a form of violence or its signals), role (e.g. the
 *                       aandachtsfunctionaris)
 * @param sectors        sectors a sector or topic module is for (sub-sectors included)
 * @param roles          roles a role module is for
 * @param refresherMonths how long a pass stays valid
 * @param passMark       percentage of correct answers needed to pass (1-100)
 * @param drawSize       how many questions one attempt draws from the bank
 * @param attendanceRequired blended: the module is completed by the quiz and attending a session that covers it
 * @param retryCooldownMinutes after two failed attempts in a row, how long until a new attempt opens when the learner
 *                       has not read the pages that explain their wrong answers
 * @param version        the module's own version as its authors number it ("3"), for people: printed on the
 *                       certificate with {@code versionDate}; null when module.yml names none
 * @param versionDate    the day this version of the module was published; null with {@code version}
 */
public record Module(
        String id,
        String title,
        String summary,
        Kind kind,
        Set<String> sectors,
        Set<String> roles,
        int refresherMonths,
        int passMark,
        int drawSize,
        List<Page> pages,
        List<Question> questions,
        int order,
        boolean attendanceRequired,
        int retryCooldownMinutes,
        String version,
        LocalDate versionDate) {

    public static final int DEFAULT_RETRY_COOLDOWN_MINUTES = 60;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    /** A module without a version of its own (tests and generated modules). */
    public Module(
            String id,
            String title,
            String summary,
            Kind kind,
            Set<String> sectors,
            Set<String> roles,
            int refresherMonths,
            int passMark,
            int drawSize,
            List<Page> pages,
            List<Question> questions,
            int order,
            boolean attendanceRequired,
            int retryCooldownMinutes) {
        this(
                id,
                title,
                summary,
                kind,
                sectors,
                roles,
                refresherMonths,
                passMark,
                drawSize,
                pages,
                questions,
                order,
                attendanceRequired,
                retryCooldownMinutes,
                null,
                null);
    }

    /** "3 (22 november 2026)": the version of the module as the certificate shows it; empty without a version. */
    public Optional<String> versionLabel() {
        return version == null || versionDate == null
                ? Optional.empty()
                : Optional.of(version + " (" + DATE.format(versionDate) + ")");
    }

    /** What a module is about, which decides who gets it and the size its question bank must have. */
    public enum Kind {
        CORE,
        SECTOR,
        TOPIC,
        ROLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean core() {
        return kind == Kind.CORE;
    }

    /** Share of scenario (casus) questions in the bank, 0-100. */
    public int scenarioPercent() {
        return questions.isEmpty()
                ? 0
                : (int) (questions.stream().filter(Question::scenario).count() * 100 / questions.size());
    }

    /** Readability of all pages together. */
    public Readability.Stats readability() {
        return pages.stream().map(Page::readability).reduce(Readability.Stats.EMPTY, Readability.Stats::plus);
    }

    public int pageCount() {
        return pages.size();
    }

    /** A link to one of the module's pages. */
    public record PageLink(String href, String title) {}

    /**
     * Links to all pages, in order. The module page lists these instead of building each link from the module inside
     * its loop: Qute looks up a name from outside a loop on the loop element first, which costs a search through all
     * value resolvers per iteration (TemplateLookupTest).
     */
    public List<PageLink> pageLinks() {
        PageLink[] links = new PageLink[pages.size()];
        for (int i = 0; i < links.length; i++) {
            links[i] = new PageLink(
                    "/modules/" + id + "/pagina/" + (i + 1), pages.get(i).title());
        }
        return List.of(links);
    }

    /** Page by 1-based number. */
    public Optional<Page> page(int number) {
        return number >= 1 && number <= pages.size() ? Optional.of(pages.get(number - 1)) : Optional.empty();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public boolean isFor(
            Optional<String> sector, Set<String> personRoles, Function<String, Optional<String>> parentOf) {
        if (kind == Kind.CORE) {
            return true;
        }
        if (kind == Kind.ROLE) {
            return roles.stream().anyMatch(personRoles::contains);
        }
        if (sector.isEmpty()) {
            return false;
        }
        // A module for a sector is also for its sub-sectors (gezondheidszorg -> ouderenzorg).
        Optional<String> current = sector;
        while (current.isPresent()) {
            if (sectors.contains(current.get())) {
                return true;
            }
            current = parentOf.apply(current.get());
        }
        return false;
    }
}
