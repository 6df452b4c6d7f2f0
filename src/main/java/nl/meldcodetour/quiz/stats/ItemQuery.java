/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.quiz.stats.ItemStatistics.Query;
import nl.meldcodetour.quiz.stats.ItemStatistics.Sort;
import nl.meldcodetour.quiz.stats.ItemStatistics.VersionInfo;
import nl.meldcodetour.quiz.stats.ItemStatistics.View;

/**
 * Reads the query parameters of the item statistics pages (Dutch names and values) and API (English), with a Dutch
 * message per wrong parameter (400, never a 500). The version must be one that has attempts at the module.
 */
public final class ItemQuery {

    /** Questions per page on the pages; the API's default. */
    public static final int PAGE_SIZE = 25;

    public static final int MAX_PAGE_SIZE = 100;

    private ItemQuery() {}

    /** Page parameters: weergave=alle|eerste, versie, sorteer=vraag|pogingen|goed|discriminatie|signalen, volgorde=op|af, pagina. */
    public static Query fromPage(
            String view, String version, String sort, String order, String page, List<VersionInfo> versions) {
        Map<String, String> errors = new LinkedHashMap<>();
        View v = view(view, true, "weergave", errors);
        Sort s = Sort.QUESTION;
        if (!blank(sort)) {
            s = find(sort, true);
            if (s == null) {
                errors.put("sorteer", "Sorteer op vraag, pogingen, goed, discriminatie of signalen.");
                s = Sort.QUESTION;
            }
        }
        boolean descending = s.descendingFirst;
        if (!blank(order)) {
            switch (order.strip()) {
                case "op" -> descending = false;
                case "af" -> descending = true;
                default -> errors.put("volgorde", "De volgorde is op (oplopend) of af (aflopend).");
            }
        }
        int p = number(page, 1, Integer.MAX_VALUE, "pagina", "De pagina is een heel getal vanaf 1.", errors);
        String ver = version(version, versions, "versie", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Query(v, ver, s, descending, p, PAGE_SIZE);
    }

    /** API parameters: view=all|first, version, sort=[-]question|attempts|facility|discrimination|flags, page, size. */
    public static Query fromApi(
            String view, String version, String sort, String page, String size, List<VersionInfo> versions) {
        Map<String, String> errors = new LinkedHashMap<>();
        View v = view(view, false, "view", errors);
        Sort s = Sort.QUESTION;
        boolean descending = false;
        if (!blank(sort)) {
            String key = sort.strip();
            descending = key.startsWith("-");
            s = find(descending ? key.substring(1) : key, false);
            if (s == null) {
                errors.put(
                        "sort",
                        "Sorteer op question, attempts, facility, discrimination of flags; met een - ervoor van hoog naar laag.");
                s = Sort.QUESTION;
            }
        }
        int p = number(page, 1, Integer.MAX_VALUE, "page", "De pagina is een heel getal vanaf 1.", errors);
        int n = number(
                size,
                PAGE_SIZE,
                MAX_PAGE_SIZE,
                "size",
                "Het aantal per pagina is een heel getal van 1 tot en met " + MAX_PAGE_SIZE + ".",
                errors);
        String ver = version(version, versions, "version", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Query(v, ver, s, descending, p, n);
    }

    private static View view(String value, boolean page, String field, Map<String, String> errors) {
        if (blank(value)) {
            return View.ALL;
        }
        for (View v : View.values()) {
            if ((page ? v.id : v.apiId).equals(value.strip())) {
                return v;
            }
        }
        errors.put(
                field,
                page
                        ? "Kies alle pogingen (alle) of alleen eerste pogingen (eerste)."
                        : "Kies all (alle pogingen) of first (alleen eerste pogingen).");
        return View.ALL;
    }

    private static Sort find(String value, boolean page) {
        for (Sort s : Sort.values()) {
            if ((page ? s.id : s.apiId).equals(value.strip())) {
                return s;
            }
        }
        return null;
    }

    private static int number(
            String value, int dflt, int max, String field, String message, Map<String, String> errors) {
        if (blank(value)) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        errors.put(field, message);
        return dflt;
    }

    private static String version(String value, List<VersionInfo> versions, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (versions.stream().noneMatch(i -> i.version().equals(v))) {
            errors.put(
                    field,
                    "Deze versie heeft geen ingeleverde pogingen bij deze module. Kies een versie uit de lijst.");
            return null;
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
