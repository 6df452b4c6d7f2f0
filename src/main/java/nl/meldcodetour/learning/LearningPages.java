/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Page;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;

/** The learner's pages: "Mijn modules", a module's overview and its pages. Server-rendered, no JavaScript needed. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MEDEWERKER, Roles.AANDACHTSFUNCTIONARIS, Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
public class LearningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mijnModules(
                Person person, String sectorName, String noSectorRole, List<LearningService.ModuleOverview> modules);

        static native TemplateInstance module(LearningService.ModuleOverview overview);

        static native TemplateInstance page(LearningService.ModuleOverview overview, Page page, int number);
    }

    @Inject
    CurrentUser user;

    @Inject
    LearningService learning;

    @Inject
    ProgressService progress;

    @Inject
    ContentService content;

    @GET
    @Path("mijn-modules")
    public TemplateInstance mijnModules() {
        var modules = learning.modulesOf(user); // reads the person too, in the same round trip
        Person person = user.person();
        String sectorName =
                content.catalog().sector(person.sector).map(s -> s.name()).orElse(null);
        return Templates.mijnModules(person, sectorName, sectorName == null ? noSectorRole() : null, modules);
    }

    /**
     * Why someone has no sector, when their role is the reason: the gemeente and the beheerder work for no organisation
     * in a sector, so "ask your aandachtsfunctionaris to set your sector" does not apply to them. Null for anyone who
     * also works in an organisation (medewerker, aandachtsfunctionaris): their sector can still come.
     */
    private String noSectorRole() {
        if (user.hasRole(Roles.MEDEWERKER) || user.hasRole(Roles.AANDACHTSFUNCTIONARIS)) {
            return null;
        }
        return user.hasRole(Roles.BEHEERDER)
                ? Roles.BEHEERDER
                : user.hasRole(Roles.GEMEENTE) || user.hasRole(Roles.REGIO) ? Roles.GEMEENTE : null;
    }

    @GET
    @Path("modules/{moduleId}")
    public TemplateInstance module(@PathParam("moduleId") String moduleId) {
        return Templates.module(overview(moduleId));
    }

    @GET
    @Path("modules/{moduleId}/pagina/{number}")
    public TemplateInstance page(@PathParam("moduleId") String moduleId, @PathParam("number") int number) {
        LearningService.ModuleOverview overview = overview(moduleId);
        Page page = overview.module().page(number).orElseThrow(NotFoundException::new);
        progress.pageRead(user.person().id, moduleId, number);
        return Templates.page(overview, page, number);
    }

    private LearningService.ModuleOverview overview(String moduleId) {
        return learning.moduleOf(user, moduleId).orElseThrow(NotFoundException::new);
    }
}
