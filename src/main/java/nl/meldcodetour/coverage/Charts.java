/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import java.util.List;
import java.util.Locale;
import nl.meldcodetour.coverage.CoverageService.Row;
import nl.meldcodetour.coverage.CoverageService.TrendPoint;
import nl.meldcodetour.coverage.Disclosure.Share;

/**
 * Server-side inline SVG charts. Each chart has a title and a description for screen readers and is followed on the
 * page by a table with the same numbers. The charts use only the numbers that are shown (rounded, "&lt; 5").
 */
final class Charts {

    private static final String[] STATUS_CLASS = {"current", "due", "expired", "never"};
    private static final String[] STATUS_LABEL = {
        "Geldig", "Verloopt binnen 60 dagen", "Verlopen of niet compleet", "Nooit gedaan"
    };

    private Charts() {}

    /** Stacked horizontal bars per row: the share of professionals per status. */
    static String bars(String id, String title, List<Row> rows) {
        int width = 480;
        int labelHeight = 18;
        int barHeight = 18;
        int rowHeight = labelHeight + barHeight + 12;
        int legendHeight = 48;
        int height = rows.size() * rowHeight + legendHeight;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-desc\">");
        for (Row r : rows) {
            svg.append(esc(r.label())).append(": ").append(describe(r)).append(". ");
        }
        svg.append("</desc>");
        int y = 0;
        for (Row r : rows) {
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 14)
                    .append("\" class=\"chart__label\">")
                    .append(esc(r.label()))
                    .append(" (")
                    .append(esc(r.professionals().display()))
                    .append(")</text>");
            int by = y + labelHeight;
            svg.append("<rect x=\"0\" y=\"")
                    .append(by)
                    .append("\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(barHeight)
                    .append("\" class=\"chart__rest\"/>");
            Share[] shares = {r.currentShare(), r.dueShare(), r.expiredShare(), r.neverShare()};
            double x = 0;
            for (int i = 0; i < shares.length; i++) {
                if (shares[i].percent() == null || shares[i].percent() == 0) {
                    continue;
                }
                double w = Math.min(width - x, width * shares[i].percent() / 100.0);
                if (w <= 0) {
                    break;
                }
                svg.append("<rect x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(by)
                        .append("\" width=\"")
                        .append(fmt(w))
                        .append("\" height=\"")
                        .append(barHeight)
                        .append("\" class=\"chart__")
                        .append(STATUS_CLASS[i])
                        .append("\"/>");
                x += w;
            }
            y += rowHeight;
        }
        legend(svg, y + 4, width);
        return svg.append("</svg>").toString();
    }

    /** Lines per quarter: share of professionals current and share of obliged organisations with an aandachtsfunctionaris. */
    static String trend(String id, String title, List<TrendPoint> points) {
        int width = 480;
        int height = 260;
        int left = 40;
        int right = 12;
        int top = 12;
        int bottom = 70;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-desc\">");
        for (TrendPoint p : points) {
            svg.append(esc(p.label()))
                    .append(": geldig ")
                    .append(esc(p.row().currentShare().display()))
                    .append(", aandachtsfunctionaris ")
                    .append(esc(p.row().obligedAfShare().display()))
                    .append(". ");
        }
        svg.append("</desc>");
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + plotH - plotH * pct / 100.0;
            svg.append("<line x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(width - right)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" class=\"chart__grid\"/>")
                    .append("<text x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" class=\"chart__axis\" text-anchor=\"end\">")
                    .append(pct)
                    .append("%</text>");
        }
        double step = points.size() > 1 ? plotW / (points.size() - 1) : 0;
        for (int i = 0; i < points.size(); i++) {
            double x = left + step * i;
            svg.append("<text class=\"chart__axis\" text-anchor=\"end\" transform=\"translate(")
                    .append(fmt(x + 4))
                    .append(' ')
                    .append(top + plotH + 10)
                    .append(") rotate(-45)\">")
                    .append(esc(points.get(i).label()))
                    .append("</text>");
        }
        line(svg, points, true, left, top, plotH, step);
        line(svg, points, false, left, top, plotH, step);
        int ly = height - 8;
        svg.append("<line x1=\"")
                .append(left)
                .append("\" x2=\"")
                .append(left + 24)
                .append("\" y1=\"")
                .append(ly - 4)
                .append("\" y2=\"")
                .append(ly - 4)
                .append("\" class=\"chart__line chart__line--current\"/>")
                .append("<text x=\"")
                .append(left + 30)
                .append("\" y=\"")
                .append(ly)
                .append("\" class=\"chart__axis\">Professionals met geldige training</text>")
                .append("<line x1=\"")
                .append(left + 250)
                .append("\" x2=\"")
                .append(left + 274)
                .append("\" y1=\"")
                .append(ly - 4)
                .append("\" y2=\"")
                .append(ly - 4)
                .append("\" class=\"chart__line chart__line--af\"/>")
                .append("<text x=\"")
                .append(left + 280)
                .append("\" y=\"")
                .append(ly)
                .append("\" class=\"chart__axis\">Organisaties met AF</text>");
        return svg.append("</svg>").toString();
    }

    private static void line(
            StringBuilder svg, List<TrendPoint> points, boolean current, int left, int top, double plotH, double step) {
        String css = current ? "current" : "af";
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < points.size(); i++) {
            Share s = current
                    ? points.get(i).row().currentShare()
                    : points.get(i).row().obligedAfShare();
            if (s.percent() == null) {
                pen = false; // a gap where the figure may not be shown
                continue;
            }
            double x = left + step * i;
            double y = top + plotH - plotH * s.percent() / 100.0;
            path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
            pen = true;
            svg.append("<circle cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"3\" class=\"chart__dot chart__dot--")
                    .append(css)
                    .append("\"/>");
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"")
                    .append(path.toString().strip())
                    .append("\" class=\"chart__line chart__line--")
                    .append(css)
                    .append("\"/>");
        }
    }

    private static void legend(StringBuilder svg, int y, int width) {
        int x = 0;
        for (int i = 0; i < STATUS_CLASS.length; i++) {
            int row = i / 2;
            int col = i % 2;
            x = col * (width / 2);
            int ly = y + row * 20;
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(ly)
                    .append("\" width=\"12\" height=\"12\" class=\"chart__")
                    .append(STATUS_CLASS[i])
                    .append("\"/>")
                    .append("<text x=\"")
                    .append(x + 18)
                    .append("\" y=\"")
                    .append(ly + 11)
                    .append("\" class=\"chart__axis\">")
                    .append(STATUS_LABEL[i])
                    .append("</text>");
        }
    }

    private static String describe(Row r) {
        if (r.note() != null) { // the caller ends the sentence
            String why = r.note().endsWith(".") ? r.note().substring(0, r.note().length() - 1) : r.note();
            return (r.professionals().value() == null ? "" : r.professionals().display() + " professionals. ") + why;
        }
        if (r.professionals().value() == null || r.professionals().value() == 0) {
            return r.professionals().value() == null ? "minder dan 5 professionals" : "geen professionals";
        }
        return r.professionals().display() + " professionals, geldig "
                + r.currentShare().display() + ", verloopt binnenkort "
                + r.dueShare().display() + ", verlopen " + r.expiredShare().display() + ", nooit gedaan "
                + r.neverShare().display();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
