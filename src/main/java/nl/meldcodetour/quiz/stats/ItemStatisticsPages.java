/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.quiz.stats.ItemStatistics.Item;
import nl.meldcodetour.quiz.stats.ItemStatistics.Query;
import nl.meldcodetour.quiz.stats.ItemStatistics.Report;
import nl.meldcodetour.quiz.stats.ItemStatistics.Sort;
import nl.meldcodetour.quiz.stats.ItemStatistics.VersionInfo;
import nl.meldcodetour.quiz.stats.ItemStatistics.View;

/** "Toetsanalyse": the item statistics pages for the beheerder and content authors (redacteur). Counts only. */
@Path("/toetsanalyse")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.BEHEERDER, Roles.REDACTEUR})
public class ItemStatisticsPages {

    /** A column header of the question table: a link that sorts by it (again: the other way round). */
    public record Column(String label, String href, String ariaSort, String arrow) {}

    /** What the module page shows besides the report: the form's choices and the links. */
    public record ModulePage(
            Report report,
            List<VersionInfo> versions,
            List<Column> columns,
            List<Sort> sorts,
            String query,
            String csvHref,
            String previousHref,
            String nextHref) {

        public Query q() {
            return report.query();
        }

        public List<View> views() {
            return List.of(View.values());
        }

        public int minimum() {
            return ItemStatistics.MIN_ATTEMPTS;
        }

        public int tooEasy() {
            return ItemStatistics.TOO_EASY_ABOVE;
        }

        public int tooHard() {
            return ItemStatistics.TOO_HARD_BELOW;
        }

        public String sortedBy() {
            return report.query().sort().label
                    + (report.query().descending() ? ", van hoog naar laag" : ", van laag naar hoog");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance modules(List<ItemStatistics.ModuleSummary> modules, long attempts);

        static native TemplateInstance module(ModulePage page);

        static native TemplateInstance question(
                Module module, Item item, Query query, List<View> views, List<VersionInfo> versions, String backHref);
    }

    @Inject
    ItemStatistics stats;

    @Inject
    ContentService content;

    @GET
    public TemplateInstance modules() {
        List<ItemStatistics.ModuleSummary> modules = stats.modules();
        return Templates.modules(
                modules,
                modules.stream()
                        .mapToLong(ItemStatistics.ModuleSummary::attempts)
                        .sum());
    }

    @GET
    @Path("{moduleId}")
    public TemplateInstance module(
            @PathParam("moduleId") String moduleId,
            @QueryParam("weergave") String view,
            @QueryParam("versie") String version,
            @QueryParam("sorteer") String sort,
            @QueryParam("volgorde") String order,
            @QueryParam("pagina") String page) {
        Module module = module(moduleId);
        List<VersionInfo> versions = stats.versions(module.id());
        Query q = ItemQuery.fromPage(view, version, sort, order, page, versions);
        Report report = stats.report(module, q, versions);
        String base = "/toetsanalyse/" + module.id() + "?";
        List<Column> columns = new ArrayList<>();
        for (Sort s : Sort.values()) {
            boolean current = s == q.sort();
            boolean descending = current ? !q.descending() : s.descendingFirst;
            columns.add(new Column(
                    s.label,
                    base + query(q.view(), q.version(), s, descending, 1),
                    current ? (q.descending() ? "descending" : "ascending") : null,
                    current ? (q.descending() ? "↓" : "↑") : ""));
        }
        String previous =
                q.page() > 1 ? base + query(q.view(), q.version(), q.sort(), q.descending(), q.page() - 1) : null;
        String next = q.page() < report.pages()
                ? base + query(q.view(), q.version(), q.sort(), q.descending(), q.page() + 1)
                : null;
        String csv = "/toetsanalyse/" + module.id() + "/export.csv?"
                + query(q.view(), q.version(), q.sort(), q.descending(), 0);
        return Templates.module(new ModulePage(
                report,
                versions,
                columns,
                List.of(Sort.values()),
                query(q.view(), q.version(), null, false, 0),
                csv,
                previous,
                next));
    }

    @GET
    @Path("{moduleId}/export.csv")
    @Produces("text/csv")
    public Response csv(
            @PathParam("moduleId") String moduleId,
            @QueryParam("weergave") String view,
            @QueryParam("versie") String version,
            @QueryParam("sorteer") String sort,
            @QueryParam("volgorde") String order) {
        Module module = module(moduleId);
        List<VersionInfo> versions = stats.versions(module.id());
        Query q = ItemQuery.fromPage(view, version, sort, order, null, versions);
        return Attachments.of(ItemStatisticsCsv.download(stats, module, q, versions));
    }

    @GET
    @Path("{moduleId}/{questionId}")
    public TemplateInstance question(
            @PathParam("moduleId") String moduleId,
            @PathParam("questionId") String questionId,
            @QueryParam("weergave") String view,
            @QueryParam("versie") String version) {
        Module module = module(moduleId);
        List<VersionInfo> versions = stats.versions(module.id());
        Query q = ItemQuery.fromPage(view, version, null, null, null, versions);
        Item item = stats.item(module, q, questionId).orElseThrow(NotFoundException::new);
        return Templates.question(
                module,
                item,
                q,
                List.of(View.values()),
                versions,
                "/toetsanalyse/" + module.id() + "?" + query(q.view(), q.version(), null, false, 0));
    }

    private Module module(String moduleId) {
        return content.catalog().module(moduleId).orElseThrow(NotFoundException::new);
    }

    /** The query string of a page link; empty parts (the defaults) are left out. */
    static String query(View view, String version, Sort sort, boolean descending, int page) {
        StringBuilder q = new StringBuilder("weergave=" + view.id);
        if (version != null) {
            q.append("&versie=").append(URLEncoder.encode(version, StandardCharsets.UTF_8));
        }
        if (sort != null) {
            q.append("&sorteer=").append(sort.id).append("&volgorde=").append(descending ? "af" : "op");
        }
        if (page > 1) {
            q.append("&pagina=").append(page);
        }
        return q.toString();
    }
}
