/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.web.GemeenteScope;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.learning.ModuleStatus;
import nl.meldcodetour.learning.Validity;

/**
 * An organisation with its aandachtsfunctionarissen and their training, as the registry pages and the API show it,
 * for whoever may read it: the beheerder and regio every organisation, a gemeente user those of their gemeenten
 * (docs/security.md, "Gemeente scope"), an aandachtsfunctionaris their own.
 */
@ApplicationScoped
public class OrganisationViews {

    public record OrganisationView(
            long id,
            String name,
            String kvkNumber,
            String vestigingsnummer,
            String sector,
            String sectorName,
            String gemeente,
            String area,
            String postcode,
            Integer staffCount,
            String address,
            boolean active,
            int version,
            boolean afMissing,
            List<AfView> aandachtsfunctionarissen,
            String source,
            long childcareHomes) {}

    public record AfView(
            long id,
            String name,
            String email,
            String location,
            LocalDate startDate,
            LocalDate endDate,
            boolean active,
            String trainingStatus,
            LocalDate trainingValidUntil) {}

    @Inject
    OrganisationService registry;

    @Inject
    RegisterRecords registerRecords;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    GemeenteScope scope;

    /**
     * The register's list as the current user may see it: within their gemeenten; a gemeente asked for outside them,
     * or a gemeente user bound to none, is refused (403, {@link GemeenteScope.Scope#check}).
     */
    public OrganisationService.Page<OrganisationService.OrganisationSummary> search(
            String q, String sector, String gemeente, boolean inactive, int page, int size) {
        GemeenteScope.Scope seen = scope.ofCurrentUser();
        seen.check(gemeente);
        return registry.search(q, sector, gemeente, seen.all() ? null : seen.lowerCase(), inactive, page, size);
    }

    /** The organisations where the current user is an active aandachtsfunctionaris. */
    public List<OrganisationView> mine() {
        return registry.organisationsWhereActiveAf(user.person().id).stream()
                .map(id -> view(registry.find(id).orElseThrow()))
                .toList();
    }

    /** One organisation the current user may read; who looked at the AFs' training status is logged. */
    @Transactional
    public OrganisationView readable(long id) {
        OrganisationView view = view(readableOrganisation(id));
        if (!view.aandachtsfunctionarissen().isEmpty()) {
            // the AFs' own training status is a personal record: who looked is logged
            audit.record(
                    user.person().subject,
                    "VIEW",
                    "aandachtsfunctionaris-training",
                    id,
                    view.aandachtsfunctionarissen().size() + " aandachtsfunctionaris(sen)");
        }
        return view;
    }

    private Organisation readableOrganisation(long id) {
        Organisation o = registry.find(id).orElseThrow(MissingException::new);
        boolean inScope = (user.hasRole(Roles.GEMEENTE) || user.hasRole(Roles.REGIO))
                && scope.ofCurrentUser().allows(o.gemeente);
        if (!user.hasRole(Roles.BEHEERDER)
                && !inScope
                && !registry.organisationsWhereActiveAf(user.person().id).contains(id)) {
            // An aandachtsfunctionaris of another organisation, or one outside a gemeente user's gemeenten:
            // indistinguishable from a missing one.
            throw new MissingException();
        }
        return o;
    }

    public OrganisationView view(Organisation o) {
        LocalDate today = LocalDate.now(clock);
        List<AfView> afs = registry.aandachtsfunctionarissen(o.id).stream()
                .map(a -> {
                    LocalDate until = registry.afModuleValidUntil(a.personId);
                    var status = Validity.status(until, false, today);
                    return new AfView(
                            a.id,
                            a.name,
                            a.email,
                            a.location,
                            a.startDate,
                            a.endDate,
                            a.isActiveOn(today),
                            status == ModuleStatus.NIET_GESTART ? "Nog niet gedaan" : status.label(),
                            until);
                })
                .toList();
        boolean missing = o.active && registry.obliged(o.sector) && afs.stream().noneMatch(AfView::active);
        return new OrganisationView(
                o.id,
                o.name,
                o.kvkNumber,
                o.vestigingsnummer,
                o.sector,
                registry.sectorName(o.sector),
                o.gemeente,
                o.area,
                o.postcode == null ? null : o.postcode.strip(),
                o.staffCount,
                o.address,
                o.active,
                o.version,
                missing,
                afs,
                source(o),
                "GOB".equals(o.sourceType) ? registerRecords.homesOf(o.sourceKey) : 0);
    }

    /** An aandachtsfunctionaris just added or ended, without the training status (not looked up for a write). */
    public AfView afView(Aandachtsfunctionaris a) {
        return new AfView(
                a.id,
                a.name,
                a.email,
                a.location,
                a.startDate,
                a.endDate,
                a.isActiveOn(LocalDate.now(clock)),
                null,
                null);
    }

    /** "Landelijk Register Kinderopvang, nummer 210000021 (GOB)"; null for an organisation entered here. */
    private static String source(Organisation o) {
        if (o.source == null) {
            return null;
        }
        String register = "lrk".equals(o.source) ? "Landelijk Register Kinderopvang" : "DUO (scholen)";
        return register + ", nummer " + o.sourceKey + " (" + o.sourceType + ")";
    }
}
