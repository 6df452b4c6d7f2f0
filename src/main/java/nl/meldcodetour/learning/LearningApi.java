/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Page;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API for the learner: own profile, modules with status, module pages, completions. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEDEWERKER, Roles.AANDACHTSFUNCTIONARIS, Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
@Tag(name = "Leren")
public class LearningApi {

    public record Me(String subject, String name, String email, String sector, Set<String> roles) {}

    public record ModuleSummary(
            String id,
            String title,
            String summary,
            boolean core,
            int pages,
            String status,
            String statusLabel,
            LocalDate validUntil,
            int furthestPage,
            int refresherMonths,
            int passMark,
            int questionsPerAttempt) {}

    public record PageRef(int number, String title) {}

    public record ModuleDetail(ModuleSummary module, List<PageRef> pages) {}

    public record PageContent(String moduleId, int number, int of, String title, String html) {}

    public record CompletionView(
            String moduleId,
            String moduleTitle,
            Instant completedAt,
            LocalDate validUntil,
            int score,
            String contentVersion) {}

    @Inject
    CurrentUser user;

    @Inject
    LearningService learning;

    @Inject
    CompletionService completions;

    @Inject
    ProgressService progress;

    @Inject
    ContentService content;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("me")
    @Operation(summary = "Mijn gegevens en rollen")
    public Me me() {
        Person p = user.person();
        Set<String> roles = Set.copyOf(
                identity.getRoles().stream().filter(CurrentUser.ROLES::contains).toList());
        return new Me(p.subject, p.displayName, p.email, p.sector, roles);
    }

    @GET
    @Path("modules")
    @Operation(summary = "Mijn modules met status")
    public List<ModuleSummary> modules() {
        return learning.modulesOf(user).stream().map(LearningApi::summary).toList();
    }

    @GET
    @Path("modules/{moduleId}")
    @Operation(summary = "Eén module met de lijst van pagina's")
    public ModuleDetail module(@PathParam("moduleId") String moduleId) {
        LearningService.ModuleOverview o = overview(moduleId);
        List<Page> pages = o.module().pages();
        List<PageRef> refs = IntStream.range(0, pages.size())
                .mapToObj(i -> new PageRef(i + 1, pages.get(i).title()))
                .toList();
        return new ModuleDetail(summary(o), refs);
    }

    @GET
    @Path("modules/{moduleId}/pages/{number}")
    @Operation(summary = "Eén pagina van een module (HTML), en onthoud dat die gelezen is")
    public PageContent page(@PathParam("moduleId") String moduleId, @PathParam("number") int number) {
        Module module = overview(moduleId).module();
        Page page = module.page(number).orElseThrow(NotFoundException::new);
        progress.pageRead(user.person().id, moduleId, number);
        return new PageContent(moduleId, number, module.pageCount(), page.title(), page.html());
    }

    @GET
    @Path("completions")
    @Operation(summary = "Mijn behaalde modules, nieuwste eerst")
    public List<CompletionView> completions() {
        return completions.ofPerson(user.person().id).stream()
                .map(c -> new CompletionView(
                        c.moduleId,
                        content.catalog().module(c.moduleId).map(Module::title).orElse(c.moduleId),
                        c.completedAt,
                        c.validUntil,
                        c.score,
                        c.contentVersion))
                .toList();
    }

    private LearningService.ModuleOverview overview(String moduleId) {
        return learning.moduleOf(user, moduleId).orElseThrow(NotFoundException::new);
    }

    static ModuleSummary summary(LearningService.ModuleOverview o) {
        Module m = o.module();
        return new ModuleSummary(
                m.id(),
                m.title(),
                m.summary(),
                m.core(),
                m.pageCount(),
                o.status().name(),
                o.status().label(),
                o.completion().map(c -> c.validUntil).orElse(null),
                o.progress().furthestPage(),
                m.refresherMonths(),
                m.passMark(),
                m.drawSize());
    }
}
