/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Accepted;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;

/** The municipal coverage dashboard: aggregates only, never individuals. */
@Path("/dekking")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
public class CoveragePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                CoverageView.View view,
                Map<String, String> form,
                Map<String, String> errors,
                List<Sector> sectors,
                List<String> gemeenten,
                List<String> wijken,
                List<Module> modules);
    }

    @Inject
    CoverageService service;

    @Inject
    CoverageView views;

    @GET
    public Response dashboard(@BeanParam CoverageQuery query) {
        CoverageService.Criteria asked = query.criteria();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sector", value(asked.sector()));
        form.put("gemeente", value(asked.gemeente()));
        form.put("wijk", value(asked.wijk()));
        form.put("postcode", value(asked.postcode()));
        form.put("module", value(asked.module()));
        form.put("peildatum", value(asked.date()));
        form.put("indeling", value(asked.breakdown()));
        CoverageService.Filter filter;
        try {
            filter = service.filter(asked);
        } catch (InvalidInputException e) {
            return Response.status(400)
                    .entity(page(null, form, e.errors(), null))
                    .build();
        }
        form.put("peildatum", filter.date().toString());
        form.put("indeling", filter.breakdown().id);
        return service.report(filter)
                .map(r -> Response.ok(page(views.view(r), form, Map.of(), filter.gemeente()))
                        .build())
                .orElseGet(() -> Accepted.page(CoverageService.NOT_READY));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam CoverageQuery query) {
        return file(views.csv(query.table(), service.filter(query.criteria().forExport())));
    }

    @GET
    @Path("export.ods")
    @Produces("application/vnd.oasis.opendocument.spreadsheet")
    public Response ods(@BeanParam CoverageQuery query) {
        return file(views.ods(service.filter(query.criteria().forExport())));
    }

    private TemplateInstance page(
            CoverageView.View view, Map<String, String> form, Map<String, String> errors, String gemeente) {
        return Templates.dashboard(
                view,
                form,
                errors,
                service.sectors(),
                service.gemeenten(),
                service.wijken(gemeente),
                service.modules());
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }

    /** The file once the figures are ready; until then the 202 page with Retry-After. */
    private static Response file(Optional<Download> file) {
        return file.map(Attachments::of).orElseGet(() -> Accepted.page(CoverageService.NOT_READY));
    }
}
