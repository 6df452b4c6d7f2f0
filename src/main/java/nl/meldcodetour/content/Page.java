/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

/**
 * One page of a module: its title (the Markdown's first heading), the rendered, escaped HTML, the plain text, and
 * the readability counts of the learner text (paragraphs, list items, table cells; not headings).
 */
public record Page(String file, String title, String html, String plainText, Readability.Stats readability) {}
