package nl.meldcodetour.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated snapshot of content/: sectors, modules (in display order) and the content version. */
public record ContentCatalog(Map<String, Sector> sectors, List<Module> modules, String version) {

    public ContentCatalog {
        sectors = Map.copyOf(sectors);
        modules = List.copyOf(modules);
    }

    public Optional<Module> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Sector> sector(String id) {
        return Optional.ofNullable(id).map(sectors::get);
    }

    /** Modules a person in {@code sector} must follow: the core modules plus those for the sector or its parent. */
    public List<Module> modulesFor(Optional<String> sector) {
        return modules.stream()
                .filter(m -> m.isFor(sector, id -> Optional.ofNullable(sectors.get(id)).flatMap(Sector::parent)))
                .toList();
    }
}
