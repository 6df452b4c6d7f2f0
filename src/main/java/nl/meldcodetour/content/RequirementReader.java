/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the requirement matrix of content/functions.yml: the installation's {@code defaults:} and each function's
 * {@code modules:} list, whose items are a module id or a map with overrides (docs/content.md, "functions.yml: the
 * requirement matrix"). Problems go to the nodes' shared list, with file and line.
 */
final class RequirementReader {

    private static final Set<String> DEFAULT_FIELDS = Set.of("dueWeeks", "windowDays", "graceDays");
    private static final Set<String> ITEM_FIELDS =
            Set.of("module", "dueWeeks", "validityMonths", "windowDays", "graceDays");
    private static final String ITEM = "een module in 'modules'";

    private final Map<String, Module> modules;
    private final Requirement.Defaults defaults;

    private RequirementReader(Map<String, Module> modules, Requirement.Defaults defaults) {
        this.modules = modules;
        this.defaults = defaults;
    }

    /**
     * A reader with the defaults of {@code defaultsNode} (null: the built-in ones), checked against every module:
     * each may be required by id only, so the default window must be shorter than each module's validity. Problems
     * with the defaults go to {@code report} (the {@code defaults:} block, or the file when there is none).
     */
    static RequirementReader of(YamlNode defaultsNode, Consumer<String> report, Map<String, Module> modules) {
        Requirement.Defaults defaults = Requirement.Defaults.BUILT_IN;
        if (defaultsNode != null) {
            Requirement.Defaults b = Requirement.Defaults.BUILT_IN;
            Map<String, YamlNode> f = defaultsNode.fields("'defaults'", DEFAULT_FIELDS);
            defaults = new Requirement.Defaults(
                    bounded(f, defaultsNode, "dueWeeks", 0, Requirement.MAX_DUE_WEEKS, b.dueWeeks()),
                    bounded(f, defaultsNode, "windowDays", 0, Requirement.MAX_WINDOW_DAYS, b.windowDays()),
                    bounded(f, defaultsNode, "graceDays", 0, Requirement.MAX_GRACE_DAYS, b.graceDays()));
        }
        for (Module m : modules.values()) {
            if (defaults.windowDays() >= Requirement.shortestDays(m.refresherMonths())) {
                report.accept("het standaardvenster voor een herhaling (" + defaults.windowDays()
                        + " dagen) is niet korter dan de geldigheid van module '" + m.id() + "' ("
                        + months(m.refresherMonths()) + "); maak 'windowDays' onder 'defaults:' kleiner");
            }
        }
        return new RequirementReader(modules, defaults);
    }

    Requirement.Defaults defaults() {
        return defaults;
    }

    /** The requirements of one function's {@code modules:} (null: none), each module at most once. */
    List<Requirement> read(YamlNode list) {
        List<Requirement> result = new ArrayList<>();
        if (list == null) {
            return result;
        }
        if (!list.isSequence()) {
            list.problem("'modules' in een functie moet een lijst zijn, bijvoorbeeld [a, b]");
            return result;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (YamlNode item : list.items()) {
            Optional<Requirement> requirement = item.isMapping() ? withOverrides(item) : byId(item);
            requirement.ifPresent(r -> {
                if (seen.add(r.module())) {
                    result.add(r);
                } else {
                    item.problem("module '" + r.module() + "' staat twee keer in de lijst van deze functie");
                }
            });
        }
        return result;
    }

    private Optional<Requirement> byId(YamlNode item) {
        Optional<String> id = item.text();
        if (id.isEmpty()) {
            item.problem("lege waarde in lijst 'modules'");
            return Optional.empty();
        }
        return known(id.get(), item).map(defaults::of);
    }

    private Optional<Requirement> withOverrides(YamlNode item) {
        Map<String, YamlNode> f = item.fields(ITEM, ITEM_FIELDS);
        Optional<Module> module =
                YamlNode.requiredText(f, item, "module", ITEM).flatMap(id -> known(id, f.get("module")));
        int dueWeeks = bounded(f, item, "dueWeeks", 0, Requirement.MAX_DUE_WEEKS, defaults.dueWeeks());
        int windowDays = bounded(f, item, "windowDays", 0, Requirement.MAX_WINDOW_DAYS, defaults.windowDays());
        int graceDays = bounded(f, item, "graceDays", 0, Requirement.MAX_GRACE_DAYS, defaults.graceDays());
        if (module.isEmpty()) {
            return Optional.empty();
        }
        int validityMonths = bounded(
                f,
                item,
                "validityMonths",
                1,
                Requirement.MAX_VALIDITY_MONTHS,
                module.get().refresherMonths());
        if (windowDays >= Requirement.shortestDays(validityMonths)) {
            YamlNode at = f.getOrDefault("windowDays", f.getOrDefault("validityMonths", item));
            at.problem("het venster voor een herhaling (" + windowDays + " dagen) is niet korter dan de geldigheid ("
                    + months(validityMonths) + "); maak 'windowDays' kleiner");
            return Optional.empty();
        }
        return Optional.of(new Requirement(module.get().id(), dueWeeks, validityMonths, windowDays, graceDays));
    }

    /** The module with this id; reports an unknown one (unless no module loaded at all: that is reported already). */
    private Optional<Module> known(String id, YamlNode at) {
        Module module = modules.get(id);
        if (module == null && !modules.isEmpty()) {
            at.problem("onbekende module '" + id + "' (zie content/modules/)");
        }
        return Optional.ofNullable(module);
    }

    private static String months(int months) {
        return months == 1 ? "1 maand" : months + " maanden";
    }

    /** A whole number in [min, max]; out of range is reported and clamped, so that nothing invalid is built. */
    private static int bounded(Map<String, YamlNode> f, YamlNode owner, String name, int min, int max, int fallback) {
        return Math.max(min, Math.min(max, YamlNode.number(f, owner, name, min, max, fallback)));
    }
}
