/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated snapshot of content/: sectors, modules (in display order), the routekaart, the scan, the
 * functions with their requirements and the installation's requirement defaults (content/functions.yml), the glossary
 * (content/begrippen.md, shown at /begrippen) and the content version.
 */
public record ContentCatalog(
        Map<String, Sector> sectors,
        List<Module> modules,
        Map<String, RouteMap> routeMaps,
        Scan scan,
        Map<String, JobFunction> functions,
        Requirement.Defaults requirementDefaults,
        String version,
        Optional<Page> glossary) {

    public ContentCatalog {
        sectors = Collections.unmodifiableMap(new LinkedHashMap<>(sectors));
        modules = List.copyOf(modules);
        routeMaps = Collections.unmodifiableMap(new LinkedHashMap<>(routeMaps));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    public Optional<JobFunction> function(String id) {
        return Optional.ofNullable(id).map(functions::get);
    }

    /**
     * The functions of an organisation's sector, offered first when staff are added: those of the sector itself and
     * of its sub-sectors (gezondheidszorg: huisarts, wijkverpleegkundige, verzorgende); when there are none, those of
     * the nearest parent sector that has some (wijkteam: the wijkteammedewerker of maatschappelijke ondersteuning).
     * Empty for an unknown sector. In the order of content/functions.yml.
     */
    public List<JobFunction> functionsOfSector(String sector) {
        Optional<String> current = Optional.ofNullable(sector).filter(sectors::containsKey);
        for (int depth = 0; current.isPresent() && depth <= sectors.size(); depth++) {
            String s = current.get();
            List<JobFunction> found = functions.values().stream()
                    .filter(f -> within(f.sector(), s))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
            current = sectors.get(s).parent();
        }
        return List.of();
    }

    /** True when {@code sector} is {@code ancestor} or one of its (sub-)sub-sectors. */
    private boolean within(String sector, String ancestor) {
        Optional<String> current = Optional.ofNullable(sector);
        for (int depth = 0; current.isPresent() && depth <= sectors.size(); depth++) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            current = Optional.ofNullable(sectors.get(current.get())).flatMap(Sector::parent);
        }
        return false;
    }

    /** Modules required for a function: the core modules plus the function's modules, in display order. */
    public List<Module> modulesForFunction(JobFunction function) {
        return modules.stream()
                .filter(m -> m.core() || function.modules().contains(m.id()))
                .toList();
    }

    /**
     * What a function requires, in display order: each core module (with the function's overrides when it lists the
     * module, otherwise the defaults) and each module the function lists.
     */
    public List<Requirement> requirementsFor(JobFunction function) {
        return modulesForFunction(function).stream()
                .map(m -> function.requirement(m.id()).orElseGet(() -> requirementDefaults.of(m)))
                .toList();
    }

    /** The national numbers. */
    public RouteMap nationalRouteMap() {
        return routeMaps.get("landelijk");
    }

    /** The gemeenten with a routekaart, by name. */
    public List<RouteMap> gemeenteRouteMaps() {
        return routeMaps.values().stream()
                .filter(m -> !m.id().equals("landelijk"))
                .sorted(Comparator.comparing(RouteMap::name))
                .toList();
    }

    public Optional<Module> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Sector> sector(String id) {
        return Optional.ofNullable(id).map(sectors::get);
    }

    /**
     * Modules a person must follow: the core modules, those for their sector or its parent sector, and those for
     * their roles.
     */
    public List<Module> modulesFor(Optional<String> sector, Set<String> roles) {
        return modules.stream()
                .filter(m -> m.isFor(
                        sector,
                        roles,
                        id -> Optional.ofNullable(sectors.get(id)).flatMap(Sector::parent)))
                .toList();
    }
}
