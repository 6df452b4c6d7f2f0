/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file and line, so that every validation message can point a trainer to the exact
 * place. Problems are reported to a shared list instead of thrown, so one run shows all of them.
 */
final class YamlNode {

    private final Node node;
    private final String file;
    private final List<ContentProblem> problems;

    YamlNode(Node node, String file, List<ContentProblem> problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    void problem(String message) {
        problems.add(new ContentProblem(file, line(), message));
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The fields of a mapping, in order; reports duplicates and fields outside {@code allowed}. */
    Map<String, YamlNode> fields(String what, Set<String> allowed) {
        Map<String, YamlNode> result = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(what + " moet een lijst van velden zijn (sleutel: waarde)");
            return result;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), file, problems);
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                key.problem("veldnaam is geen tekst");
                continue;
            }
            String name = scalar.getValue();
            if (!allowed.contains(name)) {
                key.problem("onbekend veld '" + name + "' in " + what + " (toegestaan: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else if (result.containsKey(name)) {
                key.problem("veld '" + name + "' staat twee keer in " + what);
            } else {
                result.put(name, new YamlNode(tuple.getValueNode(), file, problems));
            }
        }
        return result;
    }

    Optional<String> text() {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            return value.isEmpty() || "~".equals(value) || "null".equals(value) ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    List<YamlNode> items() {
        List<YamlNode> result = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                result.add(new YamlNode(item, file, problems));
            }
        }
        return result;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** Reads a required text field; reports and returns empty when it is missing or not text. */
    static Optional<String> requiredText(Map<String, YamlNode> fields, YamlNode owner, String name, String what) {
        YamlNode value = fields.get(name);
        if (value == null) {
            owner.problem("verplicht veld '" + name + "' ontbreekt in " + what);
            return Optional.empty();
        }
        Optional<String> text = value.text();
        if (text.isEmpty()) {
            value.problem("veld '" + name + "' in " + what + " is leeg of geen tekst");
        }
        return text;
    }

    static Optional<String> optionalText(Map<String, YamlNode> fields, String name, String what) {
        YamlNode value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> text = value.text();
        if (text.isEmpty()) {
            value.problem("veld '" + name + "' in " + what + " is leeg of geen tekst");
        }
        return text;
    }

    /** Reads an optional true/false field; reports anything else and returns the fallback when it is missing. */
    static boolean bool(Map<String, YamlNode> fields, String name, boolean fallback) {
        YamlNode node = fields.get(name);
        if (node == null) {
            return fallback;
        }
        String value = node.text().orElse("");
        if (!value.equals("true") && !value.equals("false")) {
            node.problem("'" + name + "' moet true of false zijn, maar is '" + value + "'");
            return fallback;
        }
        return value.equals("true");
    }

    /** Reads a whole number in [min, max]; reports and returns the fallback when wrong. */
    static int number(Map<String, YamlNode> fields, YamlNode owner, String name, int min, int max, Integer fallback) {
        YamlNode value = fields.get(name);
        if (value == null) {
            if (fallback == null) {
                owner.problem("verplicht veld '" + name + "' ontbreekt");
                return min;
            }
            return fallback;
        }
        String text = value.text().orElse("");
        try {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                value.problem("'" + name + "' moet tussen " + min + " en " + max + " liggen, maar is " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            value.problem("'" + name + "' moet een heel getal zijn, maar is '" + text + "'");
            return fallback == null ? min : fallback;
        }
    }

    static List<String> textList(Map<String, YamlNode> fields, String name, String what) {
        YamlNode value = fields.get(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isSequence()) {
            value.problem("'" + name + "' in " + what + " moet een lijst zijn, bijvoorbeeld [a, b]");
            return result;
        }
        for (YamlNode item : value.items()) {
            item.text().ifPresentOrElse(result::add, () -> item.problem("lege waarde in lijst '" + name + "'"));
        }
        return result;
    }
}
