package nl.meldcodetour.content;

import java.util.Optional;

/** A work sector (reference data from content/sectors.yml); {@code parent} groups sub-sectors such as ouderenzorg. */
public record Sector(String id, String name, Optional<String> parent) {
}
