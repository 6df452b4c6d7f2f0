/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The certificate as an A4 PDF (PDFBox). Text is set in Liberation Sans (shipped with PDFBox, embedded as a subset),
 * so names in any Latin script print correctly; characters the font lacks become "?" instead of failing.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private CertificatePdf() {}

    static byte[] render(Certificate c, String verificationUrl) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
                font = PDType0Font.load(doc, ttf);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Certificaat " + c.moduleTitle);
            info.setAuthor(c.issuer);
            info.setSubject("Meldcode huiselijk geweld en kindermishandeling");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.setStrokingColor(0x15 / 255f, 0x42 / 255f, 0x73 / 255f);
                text.setLineWidth(3);
                text.addRect(36, 36, width - 72, page.getMediaBox().getHeight() - 72);
                text.stroke();
                float y = 700;
                y = centred(text, font, 30, "Certificaat", width, y);
                y = centred(text, font, 13, "Meldcode huiselijk geweld en kindermishandeling", width, y - 14);
                y = centred(text, font, 13, "Hierbij verklaren wij dat", width, y - 50);
                y = centred(text, font, 24, c.holderName, width, y - 16);
                y = centred(text, font, 13, "de module", width, y - 22);
                y = centred(text, font, 18, c.moduleTitle, width, y - 12);
                y = centred(
                        text,
                        font,
                        13,
                        "met goed gevolg heeft afgerond op " + DATE.format(c.completedOn) + ".",
                        width,
                        y - 18);
                y = centred(
                        text,
                        font,
                        13,
                        "Dit certificaat is geldig tot en met " + DATE.format(c.validUntil) + ".",
                        width,
                        y - 8);
                y = left(text, font, 11, "Uitgegeven door: " + c.issuer, 72, y - 70);
                y = left(text, font, 11, "Versie van de inhoud: " + c.contentVersion, 72, y - 4);
                y = left(text, font, 11, "Verificatiecode: " + c.displayCode(), 72, y - 4);
                left(text, font, 11, "Controleer dit certificaat op " + verificationUrl, 72, y - 4);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render certificate " + c.id, e);
        }
    }

    private static float centred(PDPageContentStream s, PDFont font, float size, String text, float width, float y)
            throws IOException {
        String safe = printable(font, text);
        float textWidth = font.getStringWidth(safe) / 1000 * size;
        float fitted = textWidth > width - 120 ? size * (width - 120) / textWidth : size;
        textWidth = font.getStringWidth(safe) / 1000 * fitted;
        return write(s, font, fitted, safe, (width - textWidth) / 2, y);
    }

    private static float left(PDPageContentStream s, PDFont font, float size, String text, float x, float y)
            throws IOException {
        return write(s, font, size, printable(font, text), x, y);
    }

    private static float write(PDPageContentStream s, PDFont font, float size, String text, float x, float y)
            throws IOException {
        float baseline = y - size;
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, baseline);
        s.showText(text);
        s.endText();
        return baseline - size * 0.4f;
    }

    /** Replaces what the font cannot show, so an unusual name never breaks the certificate. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
