/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

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
import java.util.List;
import java.util.Locale;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.quiz.stats.ItemStatistics.Flag;
import nl.meldcodetour.quiz.stats.ItemStatistics.Item;
import nl.meldcodetour.quiz.stats.ItemStatistics.OptionShare;
import nl.meldcodetour.quiz.stats.ItemStatistics.Query;
import nl.meldcodetour.quiz.stats.ItemStatistics.Report;
import nl.meldcodetour.quiz.stats.ItemStatistics.VersionInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Item statistics of the quizzes (the "Toetsanalyse" pages as JSON), for the beheerder and content authors. Counts
 * only, never a person; a question with fewer than 20 attempts in the chosen view has no figures.
 */
@Path("/api/items/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BEHEERDER, Roles.REDACTEUR})
@Tag(name = "Toetsanalyse")
public class ItemStatisticsApi {

    static final String FIGURES =
            "Alleen ingeleverde pogingen tellen. facility = aandeel pogingen met de vraag goed (0-1); "
                    + "discrimination = correlatie (Pearson) tussen de score op de vraag (0/1) en de score op de rest van de toets "
                    + "(genormaliseerd op het aantal vragen), null als die niet bestaat; options[].share = aandeel pogingen dat het "
                    + "antwoord koos. Bij minder dan 20 pogingen (enoughAttempts false) zijn alle cijfers null. Signalen (flags): "
                    + "te-makkelijk (> 95 % goed), te-moeilijk (< 30 % goed), negatieve-discriminatie (< 0), ongekozen-antwoord "
                    + "(een antwoord dat niemand koos).";

    /** One module in the overview. */
    public record ModuleLine(
            String moduleId, String title, int questions, long attempts, long firstAttempts, int versions) {}

    /** One question with its figures; null figures when {@code enoughAttempts} is false. */
    public record ItemLine(
            String questionId,
            Integer position,
            String text,
            String type,
            boolean inBank,
            long attempts,
            boolean enoughAttempts,
            Long right,
            Double facility,
            Double discrimination,
            List<String> versions,
            List<Flag> flags,
            List<OptionShare> options) {

        static ItemLine of(Item item) {
            return new ItemLine(
                    item.questionId(),
                    item.position(),
                    item.text(),
                    item.question()
                            .map(q -> q.type().name().toLowerCase(Locale.ROOT))
                            .orElse(null),
                    item.question().isPresent(),
                    item.attempts(),
                    item.enoughAttempts(),
                    item.right(),
                    item.facility(),
                    item.discrimination(),
                    item.versions(),
                    item.flags(),
                    item.options());
        }
    }

    /** One page of a module's questions. */
    public record ModuleReport(
            String moduleId,
            String title,
            String view,
            String version,
            String sort,
            int page,
            int size,
            int pages,
            long totalQuestions,
            int minimumAttempts,
            long attemptsInView,
            List<String> versionsInView,
            List<VersionInfo> versions,
            List<ItemLine> questions) {}

    @Inject
    ItemStatistics stats;

    @Inject
    ContentService content;

    @GET
    @Operation(
            summary =
                    "Modules met een vragenbank of ingeleverde pogingen: aantal vragen, pogingen, eerste pogingen en versies")
    public List<ModuleLine> modules() {
        return stats.modules().stream()
                .map(m -> new ModuleLine(
                        m.module().id(),
                        m.module().title(),
                        m.questions(),
                        m.attempts(),
                        m.firstAttempts(),
                        m.versions()))
                .toList();
    }

    @GET
    @Path("{moduleId}")
    @Operation(summary = "De vragen van een module met hun cijfers, per pagina en gesorteerd", description = FIGURES)
    public ModuleReport module(
            @PathParam("moduleId") String moduleId,
            @Parameter(
                            description =
                                    "all (standaard): alle ingeleverde pogingen; first: alleen de eerste ingeleverde poging van ieder")
                    @QueryParam("view")
                    String view,
            @Parameter(description = "alleen pogingen met deze inhoudsversie (zie versions); leeg: alle versies")
                    @QueryParam("version")
                    String version,
            @Parameter(
                            description =
                                    "question (standaard), attempts, facility, discrimination of flags; met - ervoor van hoog naar laag")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "pagina, vanaf 1") @QueryParam("page") String page,
            @Parameter(description = "vragen per pagina, 1-100 (standaard 25)") @QueryParam("size") String size) {
        Module module = module(moduleId);
        List<VersionInfo> versions = stats.versions(module.id());
        Query q = ItemQuery.fromApi(view, version, sort, page, size, versions);
        Report r = stats.report(module, q, versions);
        return new ModuleReport(
                module.id(),
                module.title(),
                q.view().apiId,
                q.version(),
                (q.descending() ? "-" : "") + q.sort().apiId,
                q.page(),
                q.size(),
                r.pages(),
                r.total(),
                ItemStatistics.MIN_ATTEMPTS,
                r.attemptsInView(),
                r.versionsInView(),
                versions,
                r.items().stream().map(ItemLine::of).toList());
    }

    @GET
    @Path("{moduleId}/questions/{questionId}")
    @Operation(summary = "Eén vraag met het aandeel per antwoord", description = FIGURES)
    public ItemLine question(
            @PathParam("moduleId") String moduleId,
            @PathParam("questionId") String questionId,
            @Parameter(description = "all (standaard) of first") @QueryParam("view") String view,
            @Parameter(description = "alleen pogingen met deze inhoudsversie; leeg: alle versies")
                    @QueryParam("version")
                    String version) {
        Module module = module(moduleId);
        Query q = ItemQuery.fromApi(view, version, null, null, null, stats.versions(module.id()));
        return stats.item(module, q, questionId).map(ItemLine::of).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{moduleId}/export.csv")
    @Produces("text/csv")
    @Operation(summary = "Alle vragen van een module als CSV (Excel, Nederlandse instellingen)", description = FIGURES)
    public Response csv(
            @PathParam("moduleId") String moduleId,
            @QueryParam("view") String view,
            @QueryParam("version") String version,
            @QueryParam("sort") String sort) {
        Module module = module(moduleId);
        List<VersionInfo> versions = stats.versions(module.id());
        return Attachments.of(ItemStatisticsCsv.download(
                stats, module, ItemQuery.fromApi(view, version, sort, null, null, versions), versions));
    }

    private Module module(String moduleId) {
        return content.catalog().module(moduleId).orElseThrow(NotFoundException::new);
    }
}
