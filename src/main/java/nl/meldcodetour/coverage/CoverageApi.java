/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.web.Accepted;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.coverage.CoverageService.Filter;
import nl.meldcodetour.coverage.CoverageService.OrganisationWithoutAf;
import nl.meldcodetour.coverage.CoverageService.Page;
import nl.meldcodetour.coverage.CoverageService.Report;
import nl.meldcodetour.coverage.CoverageService.Row;
import nl.meldcodetour.coverage.CoverageService.TrendPoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The dashboard's figures for the municipality's own BI. Same filters and the same disclosure rule as the page
 * ({@link Disclosure}): counts of professionals are rounded to multiples of 5 and 1–4 is "&lt; 5" ({@code value} null,
 * {@code suppressed} true); a hidden figure is "niet getoond", with the reason in the row's {@code note}.
 * <p>
 * Also answers under its old root {@code /api/audit} for one release ({@link DeprecatedCoverageApi}).
 */
@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
public class CoverageApi {

    public static final String RULE =
            "Aantallen professionals: 0 blijft 0, 1 tot en met 4 wordt '< 5', vanaf 5 afgerond op een veelvoud van 5. "
                    + "Percentages zijn berekend uit de afgeronde aantallen. Bij minder dan "
                    + Disclosure.MIN_ORGANISATIONS
                    + " organisaties met professionals tonen we geen aantallen professionals. De verdeling naar status tonen we alleen als "
                    + "minstens 5 professionals wel en minstens 5 geen geldige training hebben. Professionals van organisaties waar de vrager "
                    + "aandachtsfunctionaris is of was, tellen niet mee. Aantallen organisaties zijn exact. "
                    + "Een gemeente ziet naast haar eigen cijfers de regio als geheel; die cijfers tonen we niet als de rest van de "
                    + "regio een kleine groep is.";

    @Inject
    CoverageService service;

    @Inject
    CoverageView views;

    /**
     * {@code ownOrganisationsLeftOut}: how many organisations of the caller's own are not counted in the professionals.
     * {@code region}: for a gemeente user, the region as a whole ("Regio Flevoland (totaal)"), hidden where the rest
     * of the region is a small group; null for whoever sees every gemeente.
     */
    public record Coverage(
            LocalDate referenceDate,
            String disclosureRule,
            String areaLevel,
            Row totals,
            Row region,
            List<Row> bySector,
            Page<Row> byArea,
            List<Answers.Answer> answers,
            long pendingOrganisations,
            int ownOrganisationsLeftOut) {}

    public record Trend(String disclosureRule, List<TrendPoint> points) {}

    @GET
    @Path("coverage")
    @Operation(summary = "Dekking per sector en per gebied op een peildatum, met de antwoorden op de twee vragen")
    public RestResponse<Coverage> coverage(@BeanParam CoverageQuery query) {
        Filter f = service.filter(query.criteria().forCoverage());
        return ready(service.report(f)
                .map(views::view)
                .map(v -> new Coverage(
                        f.date(),
                        RULE,
                        f.breakdown().id,
                        v.report().totals(),
                        v.report().region(),
                        v.report().bySector(),
                        v.report().byArea(),
                        List.of(v.trained(), v.aandachtsfunctionaris()),
                        v.report().pendingOrganisations(),
                        f.leftOut().size())));
    }

    @GET
    @Path("trend")
    @Operation(summary = "Dezelfde cijfers per kwartaaleinde over de laatste drie jaar, plus vandaag")
    public RestResponse<Trend> trend(@BeanParam CoverageQuery query) {
        return ready(service.report(service.filter(query.criteria().forTrend())).map(r -> new Trend(RULE, r.trend())));
    }

    @GET
    @Path("organisations-without-af")
    @Operation(
            summary =
                    "Organisaties in verplichte sectoren zonder actieve aandachtsfunctionaris (namen van organisaties zijn geen persoonsgegevens)")
    public RestResponse<Page<OrganisationWithoutAf>> withoutAf(@BeanParam CoverageQuery query) {
        return ready(service.report(service.filter(query.criteria().forOrganisationsWithoutAf()))
                .map(Report::withoutAf));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(
            summary =
                    "Eén tabel als CSV (Excel, Nederlandse instellingen): table (of tabel) = sectoren, gebieden, trend of zonder-af")
    public Response csv(@BeanParam CoverageQuery query) {
        return file(views.csv(query.table(), service.filter(query.criteria().forExport())));
    }

    @GET
    @Path("export.ods")
    @Produces("application/vnd.oasis.opendocument.spreadsheet")
    @Operation(summary = "Alle tabellen als spreadsheet (OpenDocument, opent in Excel en LibreOffice)")
    public Response ods(@BeanParam CoverageQuery query) {
        return file(views.ods(service.filter(query.criteria().forExport())));
    }

    /** The answer once the figures are ready; until then 202 with Retry-After. */
    private static <T> RestResponse<T> ready(Optional<T> answer) {
        return answer.map(RestResponse::ok).orElseGet(() -> Accepted.json(CoverageService.NOT_READY));
    }

    private static Response file(Optional<Download> file) {
        return file.map(Attachments::of)
                .orElseGet(() -> Accepted.json(CoverageService.NOT_READY).toResponse());
    }
}
