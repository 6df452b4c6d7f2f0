/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a plausible, invented registry for Noordoostpolder and the other Flevoland gemeenten: organisations in
 * every sector, in the real villages and wijken, about a third without an active aandachtsfunctionaris (some whose AF
 * left). Names of organisations and people are made up; only places are real. Deterministic for a given seed.
 */
public final class DemoRegistryGenerator {

    /** A generated organisation with its aandachtsfunctionarissen. */
    public record DemoOrganisation(
            String name, String sector, String gemeente, String area, String postcode, int staff, List<DemoAf> afs) {}

    public record DemoAf(String name, String email, LocalDate start, LocalDate end) {}

    private static final String[] NOP_AREAS = {
        "Emmeloord",
        "Nagele",
        "Luttelgeest",
        "Bant",
        "Creil",
        "Ens",
        "Espel",
        "Kraggenburg",
        "Marknesse",
        "Rutten",
        "Tollebeek"
    };
    private static final String[] OTHER_GEMEENTEN = {"Urk", "Dronten", "Lelystad", "Almere", "Zeewolde"};
    private static final String[] WORDS = {
        "De Polderster",
        "Het Kompas",
        "De Regenboog",
        "Het Baken",
        "De Vlonder",
        "De Zandloper",
        "Het Zeepaard",
        "De Tjalk",
        "De Wieken",
        "Het Klaverblad",
        "De Esch",
        "De Kreek",
        "Het Schokland",
        "De Zuiderzee",
        "De Bolder",
        "De Meerkoet"
    };
    private static final String[][] SECTOR_PREFIXES = {
        {"onderwijs", "Basisschool", "CBS", "OBS", "Scholengemeenschap"},
        {"kinderopvang", "Kinderdagverblijf", "Peuterspeelzaal", "BSO", "Gastouderbureau"},
        {"gezondheidszorg", "Huisartsenpraktijk", "Fysiotherapie", "GGZ-team"},
        {"ouderenzorg", "Thuiszorg", "Woonzorgcentrum", "Wijkverpleging"},
        {"maatschappelijke-ondersteuning", "Stichting Welzijn", "Maatschappelijk werk"},
        {"wijkteam", "Sociaal wijkteam"},
        {"jeugdhulp", "Jeugdhulp", "Gezinscoach"},
        {"justitie", "Reclasseringsteam"},
        {"politie", "Wijkteam politie"}
    };
    private static final String[] FIRST = {
        "Anouk", "Bart", "Chantal", "Dirk", "Esra", "Fenna", "Gert", "Hanneke", "Ilse", "Jelle", "Karin", "Lars",
        "Mirjam", "Nadia", "Okke", "Petra", "Rik", "Sanne", "Tamara", "Wouter"
    };
    private static final String[] LAST = {
        "de Boer",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Jong",
        "Mulder",
        "Dijkstra",
        "Bos",
        "Kramer",
        "Postma",
        "Hoekstra",
        "Wiersma",
        "van der Veen",
        "Kok"
    };

    private DemoRegistryGenerator() {}

    public static List<DemoOrganisation> generate(long seed, int count, LocalDate today) {
        Random random = new Random(seed);
        List<DemoOrganisation> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] sector = SECTOR_PREFIXES[i % SECTOR_PREFIXES.length];
            String prefix = sector[1 + random.nextInt(sector.length - 1)];
            boolean nop = random.nextInt(10) < 7;
            String gemeente = nop ? "Noordoostpolder" : OTHER_GEMEENTEN[random.nextInt(OTHER_GEMEENTEN.length)];
            String area = nop ? NOP_AREAS[random.nextInt(NOP_AREAS.length)] : gemeente;
            String postcode = "Emmeloord".equals(area) ? (random.nextBoolean() ? "8302" : "8303") : null;
            String name = prefix + " " + WORDS[random.nextInt(WORDS.length)] + (nop ? " " + area : "") + " (demo "
                    + (i + 1) + ")";
            int staff = 5 + random.nextInt(80);
            List<DemoAf> afs = new ArrayList<>();
            int kind = random.nextInt(10);
            String domain = "demo-" + (i + 1) + ".example.org";
            if (kind >= 3) {
                afs.add(af(random, domain, today.minusDays(200 + random.nextInt(1500)), null));
            }
            if (kind <= 1) {
                // had an aandachtsfunctionaris who left: history kept, now none
                LocalDate start = today.minusDays(900 + random.nextInt(600));
                afs.add(af(random, domain, start, start.plusDays(300 + random.nextInt(300))));
            }
            result.add(new DemoOrganisation(name, sector[0], gemeente, area, postcode, staff, afs));
        }
        return result;
    }

    private static DemoAf af(Random random, String domain, LocalDate start, LocalDate end) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        return new DemoAf(first + " " + last, first.toLowerCase() + "@" + domain, start, end);
    }
}
