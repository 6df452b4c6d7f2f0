/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import nl.meldcodetour.core.web.Dutch;
import nl.meldcodetour.coverage.CoverageService.Filter;
import nl.meldcodetour.coverage.CoverageService.Report;
import nl.meldcodetour.coverage.CoverageService.Row;
import nl.meldcodetour.coverage.Disclosure.Figure;

/** The Datalab's two questions, answered in plain Dutch from the figures that may be shown. */
public final class Answers {

    public static final String QUESTION_TRAINED = "Zijn alle professionals bekend met de meldcode?";
    public static final String QUESTION_AF = "Zijn er organisaties die geen aandachtsfunctionaris hebben?";

    private Answers() {}

    public record Answer(String question, String answer, String note) {}

    static Answer trained(Report report, String moduleTitle, String sectorName) {
        Row t = report.totals();
        String scope = scope(report.filter(), sectorName);
        String what = moduleTitle == null ? "alle verplichte modules" : "de module " + moduleTitle;
        String note = t.orgsWithoutStaff() > 0
                ? "Let op: we tellen alleen professionals die hun organisatie heeft ingevoerd. "
                        + Dutch.number(t.orgsWithoutStaff())
                        + " van de " + Dutch.count(t.organisations(), "organisatie", "organisaties") + scope + " "
                        + Dutch.word(t.orgsWithoutStaff(), "heeft", "hebben") + " nog niemand ingevoerd."
                : null;
        if (t.professionals().value() != null && t.professionals().value() == 0) {
            return new Answer(
                    QUESTION_TRAINED,
                    "Dat weten we nog niet: er zijn" + scope + " nog geen professionals ingevoerd.",
                    note);
        }
        if (Disclosure.FEW_ORGANISATIONS.equals(t.note())) {
            return new Answer(
                    QUESTION_TRAINED,
                    "Dat tonen we niet: er zijn" + scope + " minder dan " + Disclosure.MIN_ORGANISATIONS
                            + " organisaties met geregistreerde professionals. Dan zou je kunnen zien hoe het bij één organisatie gaat.",
                    note);
        }
        if (t.professionals().suppressed()) {
            return new Answer(
                    QUESTION_TRAINED,
                    "Dat tonen we niet: er zijn" + scope
                            + " minder dan 5 geregistreerde professionals. Bij zo weinig mensen zou je kunnen zien wie het is.",
                    note);
        }
        if (Disclosure.ONE_OUTCOME.equals(t.note())) {
            return new Answer(
                    QUESTION_TRAINED,
                    "Dat tonen we niet: van de " + words(t.professionals()) + " geregistreerde professionals"
                            + scope + " heeft bijna iedereen dezelfde uitkomst voor " + what
                            + ". Dan zou je van ieder van hen weten of de training geldig is.",
                    note);
        }
        // a split is shown only when at least 5 have no valid training: never "Ja" (that would be a split of one
        // outcome)
        // the verb agrees with each count: "1 heeft", "350 hebben", "minder dan 5 hebben"
        String current = words(t.current());
        String answer = "Nee, nog niet iedereen. Van de "
                + Dutch.count(words(t.professionals()), "geregistreerde professional", "geregistreerde professionals")
                + scope + " " + Dutch.word(current, "heeft", "hebben") + " er " + current
                + (t.currentShare().suppressed() ? "" : " (" + t.currentShare().display() + ")")
                + " een geldige training voor "
                + what + ". " + capital(words(t.due())) + " " + Dutch.word(words(t.due()), "moet", "moeten")
                + " binnen 60 dagen opnieuw, "
                + words(t.expired()) + " " + Dutch.word(words(t.expired()), "heeft", "hebben")
                + " een verlopen of onvolledige training en "
                + words(t.never()) + " " + Dutch.word(words(t.never()), "heeft", "hebben")
                + " nog nooit een training gedaan.";
        return new Answer(QUESTION_TRAINED, answer, note);
    }

    static Answer aandachtsfunctionaris(Report report, String sectorName) {
        Row t = report.totals();
        String scope = scope(report.filter(), sectorName);
        long obliged = t.obligedOrgs();
        long without = t.obligedWithoutAf();
        String answer;
        String where = Dutch.word(obliged, "in een verplichte sector", "in verplichte sectoren") + scope;
        if (obliged == 0) {
            answer = "Er zijn" + scope + " geen organisaties in sectoren waar de meldcode verplicht is.";
        } else if (without == 0) {
            answer = obliged == 1
                    ? "Nee. De enige organisatie " + where + " heeft een aandachtsfunctionaris."
                    : "Nee. Alle " + Dutch.count(obliged, "organisatie", "organisaties") + " " + where
                            + " hebben een aandachtsfunctionaris.";
        } else if (obliged == 1) {
            answer = "Ja. De enige organisatie " + where + " heeft geen aandachtsfunctionaris.";
        } else if (without == obliged) {
            answer = "Ja. Geen van de " + Dutch.count(obliged, "organisatie", "organisaties") + " " + where
                    + " heeft een aandachtsfunctionaris.";
        } else {
            answer = "Ja. Van de " + Dutch.count(obliged, "organisatie", "organisaties") + " " + where + " "
                    + Dutch.word(without, "heeft", "hebben") + " er " + Dutch.number(without)
                    + " geen aandachtsfunctionaris.";
        }
        long others = t.organisations() - obliged;
        long othersWithout = t.withoutAf() - without;
        String note = null;
        if (others == 1) {
            note = "Daarnaast is er 1 organisatie in een sector zonder meldcodeplicht (zoals de politie); die heeft "
                    + (othersWithout == 0 ? "een" : "geen") + " aandachtsfunctionaris.";
        } else if (others > 1 && othersWithout == 0) {
            note = "Daarnaast zijn er " + Dutch.count(others, "organisatie", "organisaties")
                    + " in sectoren zonder meldcodeplicht (zoals de politie); die hebben allemaal een aandachtsfunctionaris.";
        } else if (others > 1) {
            note = "Daarnaast zijn er " + Dutch.count(others, "organisatie", "organisaties")
                    + " in sectoren zonder meldcodeplicht (zoals de politie); daarvan "
                    + Dutch.word(othersWithout, "heeft", "hebben")
                    + " er " + Dutch.number(othersWithout) + " geen aandachtsfunctionaris.";
        }
        return new Answer(QUESTION_AF, answer, note);
    }

    /** " in de sector Onderwijs in Noordoostpolder" etc.; empty without filters. */
    static String scope(Filter f, String sectorName) {
        StringBuilder s = new StringBuilder();
        if (sectorName != null) {
            s.append(" in de sector ").append(sectorName);
        }
        if (f.gemeente() != null) {
            s.append(" in ").append(f.gemeente());
        }
        if (f.wijk() != null) {
            s.append(" (").append(f.wijk()).append(')');
        }
        if (f.postcode() != null) {
            s.append(" met postcode ").append(f.postcode());
        }
        return s.toString();
    }

    private static String words(Figure f) {
        return f.suppressed() ? "minder dan 5" : f.display();
    }

    private static String share(Disclosure.Share s) {
        return s.suppressed() ? "minder dan 5" : s.display();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
