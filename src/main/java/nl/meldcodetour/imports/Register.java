/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A public register file a beheerder can import (docs/registers.md): the Landelijk Register Kinderopvang export, or one
 * of DUO's "alle vestigingen" files per kind of school. The column names of each publication are kept here and only
 * here ({@link #columns()}): the publication's column name → the header names accepted for it (lower case; order and
 * extra columns do not matter).
 */
public enum Register {
    LRK("lrk", "Landelijk Register Kinderopvang (LRK)", "kinderopvang", List.of("KDV", "BSO", "GOB")),
    DUO_PO("duo", "DUO: vestigingen basisonderwijs (po)", "onderwijs", List.of("po")),
    DUO_SO("duo", "DUO: vestigingen speciaal onderwijs ((v)so)", "onderwijs", List.of("so")),
    DUO_VO("duo", "DUO: vestigingen voortgezet onderwijs (vo)", "onderwijs", List.of("vo")),
    DUO_MBO("duo", "DUO: vestigingen mbo", "onderwijs", List.of("mbo"));

    /** {@code organisation.source}. */
    public final String source;

    /** What the upload form and the preview call it. */
    public final String label;

    /** The content sector its organisations belong to. */
    public final String sector;

    /** The kinds of organisation ({@code organisation.source_type}) a file of this register holds. */
    public final List<String> types;

    Register(String source, String label, String sector, List<String> types) {
        this.source = source;
        this.label = label;
        this.sector = sector;
        this.types = types;
    }

    /** The name in URLs and the API ({@code lrk}, {@code duo-po}, …). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Register> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Register r : values()) {
            if (r.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The LRK export's columns (header of the open-data CSV, docs/registers.md), by the name the export uses. */
    static final Map<String, List<String>> LRK_COLUMNS = aliases(
            "lrk_id", "lrk-nummer",
            "type_oko", "",
            "actuele_naam_oko", "naam_oko",
            "status", "",
            "opvanglocatie_adres", "",
            "opvanglocatie_postcode", "",
            "opvanglocatie_woonplaats", "",
            "kvk_nummer_houder", "",
            "vestigingsnummer_houder", "",
            "verantwoordelijke_gemeente", "",
            "gastouderbureau_1", "gastouderbureau",
            "gastouderbureau_2", "");

    /** DUO's "alle vestigingen" columns (po, so, vo, mbo share them; older files say BRIN NUMMER), lower case. */
    static final Map<String, List<String>> DUO_COLUMNS = aliases(
            "vestigingscode", "vestigingsnummer",
            "instellingscode", "brin nummer",
            "vestigingsnaam", "instellingsnaam",
            "straatnaam", "",
            "huisnummer-toevoeging", "huisnummer",
            "postcode", "",
            "plaatsnaam", "",
            "gemeentenaam", "");

    /** Pairs of a column's name and its other accepted names (comma-separated, may be empty). */
    private static Map<String, List<String>> aliases(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            List<String> names = new ArrayList<>(List.of(pairs[i]));
            for (String alias : pairs[i + 1].split(",")) {
                if (!alias.isBlank()) {
                    names.add(alias.strip());
                }
            }
            map.put(pairs[i], List.copyOf(names));
        }
        return Map.copyOf(map);
    }

    Map<String, List<String>> columns() {
        return this == LRK ? LRK_COLUMNS : DUO_COLUMNS;
    }

    /** The columns without which the file cannot be read. */
    List<String> required() {
        return this == LRK
                ? List.of("lrk_id", "type_oko", "actuele_naam_oko", "status", "verantwoordelijke_gemeente")
                : List.of("vestigingscode", "vestigingsnaam", "gemeentenaam");
    }
}
