/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;
import java.util.Optional;

/**
 * A job function (content/functions.yml) and the modules it requires on top of the core modules, each with its due
 * dates ({@link Requirement}; a module listed by id only has the installation's defaults, resolved when loading).
 */
public record JobFunction(String id, String name, String sector, List<Requirement> requirements) {

    public JobFunction {
        requirements = List.copyOf(requirements);
    }

    /** The ids of the modules listed, in the order of functions.yml. */
    public List<String> modules() {
        return requirements.stream().map(Requirement::module).toList();
    }

    /** The requirement listed for a module, if the function lists it. */
    public Optional<Requirement> requirement(String module) {
        return requirements.stream().filter(r -> r.module().equals(module)).findFirst();
    }
}
