/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.MissingException;

/** The certificates as files, one PDF or all in a zip: what the pages and the API both hand out. */
final class CertificateFiles {

    private CertificateFiles() {}

    static Download pdf(Certificate c, CertificateService certificates) {
        return new Download(fileName(c), "application/pdf", CertificatePdf.render(c, certificates.verificationUrl(c)));
    }

    static Download zip(List<Certificate> all, CertificateService certificates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Certificate c : all) {
                zip.putNextEntry(new ZipEntry(fileName(c)));
                zip.write(CertificatePdf.render(c, certificates.verificationUrl(c)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Download("certificaten-meldcodetour.zip", "application/zip", bytes.toByteArray());
    }

    /** "certificaat-onderwijs-2026-11-22-7KQ2.pdf": unique per certificate, no personal data in the name. */
    static String fileName(Certificate c) {
        return "certificaat-" + c.moduleId + "-" + c.completedOn + "-" + c.code.substring(0, 4) + ".pdf";
    }

    /** A certificate id from a URL; anything that is not a UUID names no certificate. */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MissingException();
        }
    }
}
