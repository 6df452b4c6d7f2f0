/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders trainer Markdown to HTML. Raw HTML in the Markdown is escaped (shown as text, never executed) and link
 * URLs are sanitised, so content can never inject script into a page.
 */
final class MarkdownRenderer {

    static final class MissingTitleException extends Exception {
        MissingTitleException() {
            super(null, null, false, false);
        }
    }

    private final Parser parser =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Heading heading && heading.getLevel() >= 2) {
                    attributes.put(
                            "id",
                            anchor(new TextContentRenderer.Builder().build().render(heading)));
                }
            })
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    /** Readability over paragraphs (also inside lists and quotes) and table cells; headings are labels, not text. */
    private Readability.Stats readability(Node document) {
        Readability.Stats[] total = {Readability.Stats.EMPTY};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                total[0] = total[0].plus(Readability.of(text.render(paragraph)));
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell cell) {
                    total[0] = total[0].plus(Readability.of(text.render(cell)));
                } else {
                    visitChildren(node);
                }
            }
        });
        return total[0];
    }

    /**
     * The anchor of a heading, so that a page can link a term to the glossary: lower case, accents removed, every run
     * of other characters one dash ("Hulpofficier van justitie" becomes {@code hulpofficier-van-justitie}).
     */
    static String anchor(String heading) {
        String plain =
                Normalizer.normalize(heading.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    Page render(String file, String markdown) throws MissingTitleException {
        Node document = parser.parse(markdown);
        Node first = document.getFirstChild();
        if (!(first instanceof Heading heading) || heading.getLevel() != 1) {
            throw new MissingTitleException();
        }
        String title = text.render(heading).strip();
        heading.unlink();
        return new Page(file, title, html.render(document), text.render(document), readability(document));
    }
}
