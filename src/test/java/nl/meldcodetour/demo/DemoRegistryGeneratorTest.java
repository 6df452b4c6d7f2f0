/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentLoader;
import org.junit.jupiter.api.Test;

class DemoRegistryGeneratorTest {

    final LocalDate today = LocalDate.of(2026, 11, 22);
    final List<DemoRegistryGenerator.DemoOrganisation> orgs = DemoRegistryGenerator.generate(42, 60, today);

    @Test
    void deterministicAndVaried() {
        assertEquals(orgs, DemoRegistryGenerator.generate(42, 60, today));
        assertEquals(
                60,
                orgs.stream()
                        .map(DemoRegistryGenerator.DemoOrganisation::name)
                        .distinct()
                        .count(),
                "names are unique");
        assertTrue(
                orgs.stream()
                                .map(DemoRegistryGenerator.DemoOrganisation::area)
                                .distinct()
                                .count()
                        > 8,
                "spread over places");
        long without = orgs.stream()
                .filter(o -> o.afs().stream().noneMatch(a -> a.end() == null))
                .count();
        assertTrue(without > 5 && without < 40, "some without an active AF: " + without);
        assertTrue(orgs.stream().anyMatch(o -> o.afs().stream().anyMatch(a -> a.end() != null)), "some AF left");
    }

    @Test
    void everySectorIsKnownAndPostcodesOnlyWhereTheSeedsGiveThem() {
        ContentCatalog catalog = ContentLoader.load(Path.of("content"));
        Set<String> sectors = orgs.stream()
                .map(DemoRegistryGenerator.DemoOrganisation::sector)
                .collect(Collectors.toSet());
        assertTrue(catalog.sectors().keySet().containsAll(sectors), sectors.toString());
        assertEquals(catalog.sectors().keySet(), sectors, "every sector appears");
        orgs.stream().filter(o -> o.postcode() != null).forEach(o -> {
            assertEquals("Emmeloord", o.area());
            assertTrue(Set.of("8302", "8303").contains(o.postcode()));
        });
        orgs.forEach(o -> assertTrue(o.name().contains("(demo"), "invented names are marked as demo: " + o.name()));
    }

    @Test
    void endedAfsEndAfterTheyStart() {
        orgs.stream()
                .flatMap(o -> o.afs().stream())
                .filter(a -> a.end() != null)
                .forEach(a -> assertTrue(a.end().isAfter(a.start()) && a.end().isBefore(today)));
    }
}
