/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.guide;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Page;
import nl.meldcodetour.content.RouteMap;
import nl.meldcodetour.content.Scan;

/**
 * Public guidance that needs no login and stores nothing: the routekaart (where to go, per gemeente), the scan
 * (a signals checklist for the professional's own reflection) and the glossary of the words the modules use.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class GuidePages {

    /** The outcome of a scan: the ticked items per group, in the scan's order. */
    public record ScanResult(List<GroupResult> groups, int total) {}

    public record GroupResult(Scan.Group group, List<Scan.Item> ticked) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance routekaarten(RouteMap national, List<RouteMap> gemeenten);

        static native TemplateInstance routekaart(RouteMap national, RouteMap gemeente);

        static native TemplateInstance scan(Scan scan);

        static native TemplateInstance glossary(Page glossary);

        static native TemplateInstance scanResult(Scan scan, ScanResult result);
    }

    @Inject
    ContentService content;

    @GET
    @Path("routekaart")
    public TemplateInstance routekaarten() {
        return Templates.routekaarten(
                content.catalog().nationalRouteMap(), content.catalog().gemeenteRouteMaps());
    }

    @GET
    @Path("routekaart/{gemeente}")
    public TemplateInstance routekaart(@PathParam("gemeente") String gemeente) {
        RouteMap map = content.catalog().routeMaps().get(gemeente);
        if (map == null || map.id().equals("landelijk")) {
            throw new NotFoundException();
        }
        return Templates.routekaart(content.catalog().nationalRouteMap(), map);
    }

    /** The glossary (content/begrippen.md): every term a module page may link to, as /begrippen#term. */
    @GET
    @Path("begrippen")
    public TemplateInstance glossary() {
        return Templates.glossary(content.catalog().glossary().orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("scan")
    public TemplateInstance scan() {
        return Templates.scan(content.catalog().scan());
    }

    /** Shows what was ticked. Deliberately stateless: nothing is stored, logged or sent anywhere. */
    @POST
    @Path("scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance scanResult(MultivaluedMap<String, String> form) {
        Scan scan = content.catalog().scan();
        List<String> values = form.get("punt");
        Set<String> ticked = values == null
                ? Set.of()
                : Set.copyOf(values.stream().filter(v -> v != null).toList());
        List<GroupResult> groups = scan.groups().stream()
                .map(g -> new GroupResult(
                        g,
                        g.items().stream().filter(i -> ticked.contains(i.id())).toList()))
                .toList();
        int total = groups.stream().mapToInt(g -> g.ticked().size()).sum();
        return Templates.scanResult(scan, new ScanResult(groups, total));
    }
}
