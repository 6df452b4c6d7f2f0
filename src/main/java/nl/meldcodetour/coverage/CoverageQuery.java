/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import jakarta.ws.rs.QueryParam;

/**
 * The dashboard's query parameters, one {@code @BeanParam} for the page, the API and the exports. The page's URLs use
 * the Dutch names ({@code peildatum}, {@code indeling}, {@code gebiedpagina}, {@code pagina}, {@code tabel}); the API,
 * whose paths are English, takes {@code date}, {@code breakdown}, {@code areaPage}, {@code page} and {@code table}
 * as well. When both are given, the English one counts. {@code sector}, {@code gemeente}, {@code wijk},
 * {@code postcode} and {@code module} are the domain's own words in both.
 */
public class CoverageQuery {

    @QueryParam("sector")
    String sector;

    @QueryParam("gemeente")
    String gemeente;

    @QueryParam("wijk")
    String wijk;

    @QueryParam("postcode")
    String postcode;

    @QueryParam("module")
    String module;

    @QueryParam("date")
    String date;

    @QueryParam("peildatum")
    String peildatum;

    @QueryParam("breakdown")
    String breakdown;

    @QueryParam("indeling")
    String indeling;

    @QueryParam("areaPage")
    String areaPage;

    @QueryParam("gebiedpagina")
    String gebiedpagina;

    @QueryParam("page")
    String page;

    @QueryParam("pagina")
    String pagina;

    @QueryParam("table")
    String table;

    @QueryParam("tabel")
    String tabel;

    /** The question as asked, for {@link CoverageService#filter(CoverageService.Criteria)} to check. */
    CoverageService.Criteria criteria() {
        return new CoverageService.Criteria(
                sector,
                gemeente,
                wijk,
                postcode,
                module,
                either(date, peildatum),
                either(breakdown, indeling),
                either(areaPage, gebiedpagina),
                either(page, pagina));
    }

    /** Which table a CSV export holds. */
    String table() {
        return either(table, tabel);
    }

    private static String either(String english, String dutch) {
        return english != null ? english : dutch;
    }
}
