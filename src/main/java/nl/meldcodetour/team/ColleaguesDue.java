/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.learning.CompletionService;

/**
 * The colleagues of an organisation whose training is overdue or due within 60 days, for the weekly digest to its
 * aandachtsfunctionarissen ({@code notifications}): this feature's staff with their passes, asked from learning in one statement.
 */
@ApplicationScoped
public class ColleaguesDue {

    /** A colleague's name, the module and the last valid day of their newest pass of it. */
    public record Due(String name, String moduleId, LocalDate until) {}

    @Inject
    CompletionService completions;

    /** At most 100, the soonest (or longest overdue) first, of the staff employed on {@code day}. */
    public List<Due> of(long organisationId, LocalDate day) {
        List<Employment> staff = Employment.list(
                "organisationId = ?1 and personId is not null and (endDate is null or endDate >= ?2)",
                organisationId,
                day);
        Map<Long, Map<String, LocalDate>> passes =
                completions.validUntil(staff.stream().map(e -> e.personId).toList());
        // per name and module the newest pass, as a colleague with two jobs here is one colleague
        Map<String, Map<String, LocalDate>> byName = new HashMap<>();
        for (Employment e : staff) {
            passes.getOrDefault(e.personId, Map.of())
                    .forEach((module, until) -> byName.computeIfAbsent(e.name, k -> new HashMap<>())
                            .merge(module, until, (x, y) -> x.isAfter(y) ? x : y));
        }
        LocalDate horizon = day.plusDays(60);
        return byName.entrySet().stream()
                .flatMap(n -> n.getValue().entrySet().stream()
                        .filter(m -> !m.getValue().isAfter(horizon))
                        .map(m -> new Due(n.getKey(), m.getKey(), m.getValue())))
                .sorted(Comparator.comparing(Due::until).thenComparing(Due::name))
                .limit(100)
                .toList();
    }
}
