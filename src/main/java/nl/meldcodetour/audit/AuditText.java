/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.Formats;

/**
 * The audit log in Dutch, for people: a label per kind of action ({@code DEACTIVATE} → "Gedeactiveerd") and a
 * sentence per row ("Organisatie De Linde gedeactiveerd door Bea Beheer"), with the changes of an update one per line
 * and an empty value as "(leeg)". What the log stores stays as it is (codes and the details text of each feature), so
 * older rows read the same way.
 */
public final class AuditText {

    /** What a beheerder or another user changed: the first tab of the logboek. */
    public static final Map<String, String> CHANGES = labels(
            "CREATE", "Toegevoegd of gepland",
            "UPDATE", "Gewijzigd",
            "DEACTIVATE", "Gedeactiveerd",
            "REACTIVATE", "Weer actief gemaakt",
            "END", "Gestopt of uit dienst",
            "REMIND", "Herinnering gevraagd",
            "ATTENDANCE", "Presentie bijgehouden",
            "CANCEL", "Bijeenkomst afgezegd",
            "QUIZ_GATE_LIFT", "Toetsblokkade opgeheven",
            "BIND", "Gekoppeld aan een account",
            "EMAIL_CHANGED", "E-mailadres gewijzigd",
            "ERASE", "Persoonsgegevens verwijderd",
            "PURGE", "Bewaartermijn toegepast",
            "IMPORT", "Bijgewerkt uit een openbaar register");

    /** Views of someone else's record: the second tab. */
    public static final Map<String, String> VIEWS = labels("VIEW", "Bekeken");

    /** What people did with their own record (a quiz handed in, a session, an e-mail choice): the third tab. */
    public static final Map<String, String> OWN = labels(
            "SUBMIT", "Toets ingeleverd",
            "REGISTER", "Aangemeld voor een bijeenkomst",
            "UNREGISTER", "Afgemeld voor een bijeenkomst",
            "MAIL_PREFERENCE", "E-mailkeuze gewijzigd");

    /** The actor of the nightly retention job ({@code privacy.RetentionJob}). */
    static final String RETENTION_ACTOR = "bewaartermijn";

    private static final Map<String, String> FIELD_LABELS = Map.of(
            "naam",
            "naam",
            "kvk",
            "KvK-nummer",
            "vestiging",
            "vestigingsnummer",
            "sector",
            "sector",
            "gemeente",
            "gemeente",
            "wijk/dorp",
            "wijk/dorp",
            "postcode",
            "postcode",
            "medewerkers",
            "aantal medewerkers",
            "adres",
            "adres");
    private static final Pattern CHANGE = Pattern.compile("([a-z/]+): (.*?) → (.*)");
    private static final Pattern DATE = Pattern.compile("(vanaf|tot) (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FUNCTION = Pattern.compile("functie ([a-z0-9-]+)");
    private static final Pattern NUMBER = Pattern.compile("^(\\d+)");
    private static final Pattern BOUND = Pattern.compile("(\\d+) (dienstverband|rol|bijeenkomst)\\((?:en|len)\\)");
    private static final Pattern GATE_MODULE = Pattern.compile("module ([a-z0-9-]+)");

    private AuditText() {}

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The Dutch label of an action code; an unknown code as it is. */
    public static String label(String action) {
        for (Map<String, String> labels : List.of(CHANGES, VIEWS, OWN)) {
            if (labels.containsKey(action)) {
                return labels.get(action);
            }
        }
        return action;
    }

    /** Every action code with a label. */
    public static Set<String> knownActions() {
        Set<String> all = new LinkedHashSet<>(CHANGES.keySet());
        all.addAll(VIEWS.keySet());
        all.addAll(OWN.keySet());
        return all;
    }

    /**
     * One stored row with the names it refers to, as read: {@code objectName} is the name of the
     * aandachtsfunctionaris or colleague, {@code personKnown}/{@code personName} the person a row about a person is
     * about (known without a name: erased), {@code sessionTitle} the session's title.
     */
    public record Row(
            String action,
            String objectType,
            String objectId,
            String details,
            String actorName,
            String organisationName,
            String objectName,
            boolean personKnown,
            String personName,
            String sessionTitle) {}

    /** A sentence and, for an update, the changes one per line. */
    public record Description(String sentence, List<String> changes) {}

    /**
     * Who acted, for people: the person's name when the actor is a known person; "een verwijderde gebruiker" for a
     * person whose data was erased; the retention job by what it is; anything else (a job, a test) as stored.
     */
    public static String actorName(String actor, boolean personKnown, String displayName) {
        if (personKnown) {
            return displayName == null || displayName.isBlank() ? "een verwijderde gebruiker" : displayName;
        }
        if (RETENTION_ACTOR.equals(actor)) {
            return "de bewaartermijn (automatisch)";
        }
        return actor;
    }

    public static Description describe(Row r, ContentCatalog catalog) {
        String who = r.actorName();
        String org = r.organisationName() != null ? r.organisationName() : "organisatie " + r.objectId();
        String name = r.objectName() != null ? r.objectName() : "iemand";
        String person = !r.personKnown()
                ? "persoon " + r.objectId()
                : r.personName() == null || r.personName().isBlank() ? "een verwijderde persoon" : r.personName();
        String session = r.sessionTitle() != null ? "‘" + r.sessionTitle() + "’" : "nummer " + r.objectId();
        String details = r.details() == null ? "" : r.details();
        String key = r.action() + " " + r.objectType();
        List<String> changes = List.of();
        String sentence = switch (key) {
            case "CREATE organisation" ->
                "Organisatie " + org + " toegevoegd" + ("CSV-import".equals(details) ? " met een CSV-import" : "")
                        + " door " + who;
            case "UPDATE organisation" -> {
                changes = changes(details);
                yield "Gegevens van organisatie " + org + " gewijzigd door " + who;
            }
            case "DEACTIVATE organisation" -> "Organisatie " + org + " gedeactiveerd door " + who;
            case "REACTIVATE organisation" -> "Organisatie " + org + " weer actief gemaakt door " + who;
            case "CREATE aandachtsfunctionaris" ->
                name + " als aandachtsfunctionaris toegevoegd bij " + org + date(details, " ") + " door " + who;
            case "END aandachtsfunctionaris" ->
                name + " gestopt als aandachtsfunctionaris bij " + org + date(details, " ") + ", vastgelegd door "
                        + who;
            case "CREATE employment" ->
                name + " toegevoegd aan de medewerkers van " + org + function(details, catalog) + " door " + who;
            case "END employment" -> name + " uit dienst bij " + org + date(details, " ") + ", vastgelegd door " + who;
            case "REMIND employment" ->
                "Herinnering voor " + name + " (" + org + ") over de module " + module(details.strip(), catalog)
                        + " gevraagd door " + who;
            case "VIEW team" -> "Team van " + org + " bekeken door " + who + count(details, "collega", "collega's");
            case "VIEW staff" ->
                "Medewerkerslijst van " + org + " bekeken door " + who + count(details, "collega", "collega's");
            case "VIEW aandachtsfunctionaris-training" ->
                "Scholing van de aandachtsfunctionarissen van " + org + " bekeken door " + who;
            case "VIEW session-attendees" ->
                "Deelnemerslijst van bijeenkomst " + session + " bekeken door " + who
                        + count(details, "aanmelding", "aanmeldingen");
            case "CREATE session" -> "Bijeenkomst " + session + " gepland door " + who;
            case "UPDATE session" -> "Bijeenkomst " + session + " gewijzigd door " + who;
            case "CANCEL session" -> "Bijeenkomst " + session + " afgezegd door " + who;
            case "ATTENDANCE session" ->
                "Presentie van bijeenkomst " + session + " bijgehouden door " + who
                        + count(details, "deelnemer", "deelnemers");
            case "BIND person" ->
                "Uitnodigingen voor het e-mailadres van " + person + " gekoppeld aan dit account na inloggen met het"
                        + " geverifieerde adres" + bound(details);
            case "EMAIL_CHANGED person" ->
                "E-mailadres van " + person + " gewijzigd bij het inloggen"
                        + (details.isEmpty() ? "" : ": " + details.replaceFirst("^e-mailadres gewijzigd ", ""));
            case "ERASE person" ->
                "Persoonsgegevens van een persoon verwijderd door " + who
                        + (details.startsWith("persoonsgegevens verwijderd: ")
                                ? ". Reden: " + details.substring("persoonsgegevens verwijderd: ".length())
                                : "");
            case "QUIZ_GATE_LIFT person" ->
                "Toetsblokkade van " + person + gateModule(details, catalog) + " opgeheven door " + who;
            case "IMPORT register" ->
                "Register bijgewerkt uit het openbare register "
                        + r.objectId().toUpperCase(Locale.ROOT).replace('-', ' ') + " door " + who
                        + (details.isEmpty() ? "" : ": " + details);
            case "PURGE retention" -> "Gegevens ouder dan de bewaartermijn verwijderd" + purged(details);
            case "SUBMIT quiz-attempt" ->
                who + " heeft de toets van de module " + module(details.strip(), catalog) + " ingeleverd";
            case "REGISTER session" ->
                who + " heeft zich aangemeld voor bijeenkomst " + session
                        + ("waitlisted".equals(details) ? " (op de wachtlijst)" : "");
            case "UNREGISTER session" -> who + " heeft zich afgemeld voor bijeenkomst " + session;
            case "MAIL_PREFERENCE person" ->
                who + " heeft de herinneringsmails " + (details.endsWith(" uit") ? "uitgezet" : "aangezet");
            default ->
                label(r.action()) + " (" + r.objectType() + " " + r.objectId() + ") door " + who
                        + (details.isEmpty() ? "" : ": " + details);
        };
        return new Description(sentence + ".", changes);
    }

    /** "naam: A → B; kvk: null → 12345678" as lines "naam: A → B", "KvK-nummer: (leeg) → 12345678". */
    static List<String> changes(String details) {
        List<String> lines = new ArrayList<>();
        if (details == null || details.isBlank() || details.equals("geen wijzigingen")) {
            return lines;
        }
        for (String part : details.split("; (?=[a-z/]+: )")) {
            Matcher m = CHANGE.matcher(part);
            if (m.matches()) {
                lines.add(FIELD_LABELS.getOrDefault(m.group(1), m.group(1)) + ": " + value(m.group(2)) + " → "
                        + value(m.group(3)));
            } else {
                lines.add(part);
            }
        }
        return lines;
    }

    private static String value(String v) {
        return v == null || v.isBlank() || v.equals("null") ? "(leeg)" : v;
    }

    private static String date(String details, String prefix) {
        Matcher m = DATE.matcher(details);
        if (!m.find()) {
            return "";
        }
        try {
            return prefix
                    + ("vanaf".equals(m.group(1)) ? "vanaf " : "per ")
                    + Formats.dutch(LocalDate.parse(m.group(2)));
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static String function(String details, ContentCatalog catalog) {
        Matcher m = FUNCTION.matcher(details);
        return m.find()
                ? " als "
                        + catalog.function(m.group(1))
                                .map(JobFunction::name)
                                .orElse(m.group(1))
                                .toLowerCase(Locale.ROOT)
                : "";
    }

    private static String module(String moduleId, ContentCatalog catalog) {
        return "‘" + catalog.module(moduleId).map(Module::title).orElse(moduleId) + "’";
    }

    private static String gateModule(String details, ContentCatalog catalog) {
        Matcher m = GATE_MODULE.matcher(details);
        return m.find() ? " voor de module " + module(m.group(1), catalog) : "";
    }

    private static String count(String details, String one, String more) {
        Matcher m = NUMBER.matcher(details == null ? "" : details.strip());
        if (!m.find()) {
            return "";
        }
        long n = Long.parseLong(m.group(1));
        return " (" + n + " " + (n == 1 ? one : more) + ")";
    }

    /** "1 dienstverband(en) en 0 rol(len) als aandachtsfunctionaris …" as ": 1 dienstverband". */
    private static String bound(String details) {
        List<String> parts = new ArrayList<>();
        Matcher m = BOUND.matcher(details == null ? "" : details);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (n > 0) {
                parts.add(n + " "
                        + switch (m.group(2)) {
                            case "dienstverband" -> n == 1 ? "dienstverband" : "dienstverbanden";
                            case "rol" -> n == 1 ? "rol als aandachtsfunctionaris" : "rollen als aandachtsfunctionaris";
                            default -> n == 1 ? "bijeenkomst als trainer" : "bijeenkomsten als trainer";
                        });
            }
        }
        return parts.isEmpty() ? "" : ": " + String.join(" en ", parts);
    }

    /** "{certificaten=0, afgerond=3, …}" as ": 3 afgerond, …", or that there was nothing to remove. */
    private static String purged(String details) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("([^{}=,]+)=(\\d+)").matcher(details == null ? "" : details);
        while (m.find()) {
            if (!"0".equals(m.group(2))) {
                parts.add(m.group(2) + " " + m.group(1).strip());
            }
        }
        return parts.isEmpty() ? " (er was niets te verwijderen)" : ": " + String.join(", ", parts);
    }
}
