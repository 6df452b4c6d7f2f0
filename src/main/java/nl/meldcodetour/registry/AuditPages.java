package nl.meldcodetour.registry;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.web.Roles;

/** The audit log for the beheerder: who changed or viewed what, newest first, 50 per page. */
@Path("/register/logboek")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.BEHEERDER)
public class AuditPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<AuditLog.Entry> entries, int page, boolean hasNext);
    }

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance log(@QueryParam("pagina") String pageParam) {
        int page;
        try {
            page = pageParam == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(pageParam.strip())));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<AuditLog.Entry> entries = audit.recent(null, null, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = entries.size() > PAGE_SIZE;
        return Templates.log(hasNext ? entries.subList(0, PAGE_SIZE) : entries, page, hasNext);
    }
}
