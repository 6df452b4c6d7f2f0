/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.meldcodetour.core.web.Roles;

/**
 * The audit log for the beheerder, in Dutch sentences, newest first, 50 per page. Three tabs, so that changes are not
 * buried under views: what was changed, which records of other people were viewed, and what people did with their own
 * record; filters by kind of action and by organisation.
 */
@Path("/register/logboek")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.BEHEERDER)
public class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int MAX_ORGANISATIONS = 1000;

    /** A tab of the logboek and the actions it shows. */
    public record Tab(String id, String label, String intro, Map<String, String> actions, boolean byOrganisation) {}

    static final List<Tab> TABS = List.of(
            new Tab(
                    "wijzigingen",
                    "Wijzigingen",
                    "Wat er in het register, bij bijeenkomsten en aan accounts is gewijzigd.",
                    AuditText.CHANGES,
                    true),
            new Tab(
                    "bekeken",
                    "Bekeken gegevens",
                    "Wie de gegevens van anderen heeft bekeken: teams, medewerkerslijsten, "
                            + "deelnemerslijsten en de scholing van aandachtsfunctionarissen.",
                    AuditText.VIEWS,
                    true),
            new Tab(
                    "eigen",
                    "Eigen acties",
                    "Wat gebruikers met hun eigen gegevens deden: een toets ingeleverd, aangemeld "
                            + "voor een bijeenkomst, een keuze over e-mails.",
                    AuditText.OWN,
                    false));

    /** A choice in a select list. */
    public record Option(String value, String label, boolean selected) {}

    /** A tab link: its label, its address with the current filters, and whether it is the one shown. */
    public record TabLink(String label, String href, boolean current) {}

    /** Everything the page shows. */
    public record LogPage(
            Tab tab,
            List<TabLink> tabs,
            List<Option> kinds,
            String organisation,
            Long organisationId,
            String organisationName,
            String notice,
            List<AuditLog.Entry> entries,
            int page,
            boolean hasNext,
            String filterQuery) {

        public boolean filtered() {
            return !filterQuery.equals("weergave=" + tab.id() + "&");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(LogPage log);
    }

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance log(
            @QueryParam("weergave") String view,
            @QueryParam("soort") String kind,
            @QueryParam("organisatie") String organisationText,
            @QueryParam("organisatieId") String organisationIdParam,
            @QueryParam("pagina") String pageParam) {
        Tab tab = TABS.stream().filter(t -> t.id().equals(view)).findFirst().orElse(TABS.get(0));
        int page = number(pageParam, 1, 100_000);
        String chosenKind =
                kind != null && tab.actions().containsKey(kind) && tab.actions().size() > 1 ? kind : null;
        // a part of a name: one line of text (a NUL byte can't reach PostgreSQL)
        String text = organisationText == null
                ? ""
                : organisationText.replaceAll("\\p{Cntrl}", " ").strip();
        text = text.length() > 200 ? text.substring(0, 200) : text;
        Long organisationId = tab.byOrganisation()
                        && organisationIdParam != null
                        && organisationIdParam.strip().matches("[0-9]{1,18}")
                ? Long.valueOf(organisationIdParam.strip())
                : null;
        String organisationName = null;
        List<Long> organisations = null;
        String notice = null;
        if (organisationId != null) {
            organisationName = audit.organisationName(organisationId);
            organisations = List.of(organisationId);
            text = "";
        } else if (tab.byOrganisation() && !text.isEmpty()) {
            organisations = audit.organisationsNamed(text, MAX_ORGANISATIONS);
            if (organisations.isEmpty()) {
                notice = "Geen organisatie gevonden met ‘" + text + "’ in de naam.";
            }
        } else {
            text = "";
        }
        AuditLog.Query query = switch (tab.id()) {
            case "wijzigingen" ->
                new AuditLog.Query(
                        null,
                        null,
                        chosenKind == null ? null : Set.of(chosenKind),
                        union(AuditText.VIEWS.keySet(), AuditText.OWN.keySet()),
                        organisations);
            default ->
                new AuditLog.Query(
                        null,
                        null,
                        chosenKind == null ? tab.actions().keySet() : Set.of(chosenKind),
                        null,
                        organisations);
        };
        List<AuditLog.Entry> entries = audit.search(query, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = entries.size() > PAGE_SIZE;

        StringBuilder filters = new StringBuilder();
        if (chosenKind != null) {
            filters.append("soort=").append(encode(chosenKind)).append('&');
        }
        if (organisationId != null) {
            filters.append("organisatieId=").append(organisationId).append('&');
        } else if (!text.isEmpty()) {
            filters.append("organisatie=").append(encode(text)).append('&');
        }
        List<TabLink> tabs = new ArrayList<>();
        for (Tab t : TABS) {
            // the organisation filter goes along to the tabs that have it; the kind of action belongs to one tab
            String organisationFilter = !t.byOrganisation()
                    ? ""
                    : organisationId != null
                            ? "&organisatieId=" + organisationId
                            : text.isEmpty() ? "" : "&organisatie=" + encode(text);
            tabs.add(new TabLink(t.label(), "/register/logboek?weergave=" + t.id() + organisationFilter, t == tab));
        }
        List<Option> kinds = tab.actions().size() < 2
                ? List.of()
                : tab.actions().entrySet().stream()
                        .map(e ->
                                new Option(e.getKey(), e.getValue(), e.getKey().equals(chosenKind)))
                        .toList();
        return Templates.log(new LogPage(
                tab,
                tabs,
                kinds,
                text,
                organisationId,
                organisationName,
                notice,
                hasNext ? entries.subList(0, PAGE_SIZE) : entries,
                page,
                hasNext,
                "weergave=" + tab.id() + "&" + filters));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static int number(String value, int min, int max) {
        try {
            return value == null ? min : Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return min;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
