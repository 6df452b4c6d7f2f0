/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;

/** The signals checklist (content/scan.yml): groups of items a professional can tick for their own reflection. */
public record Scan(String title, String intro, List<Group> groups) {

    public record Group(String id, String title, List<Item> items, String source) {}

    public record Item(String id, String text) {}
}
