/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import java.nio.charset.StandardCharsets;

/**
 * A file for the user to save: its name, media type and content. Features build it without any HTTP types; the
 * resources answer it as an attachment ({@code core.web.Attachments}).
 */
public record Download(String fileName, String mediaType, byte[] content) {

    /** A text file, encoded as UTF-8 (the charset its media type names). */
    public static Download text(String fileName, String mediaType, String content) {
        return new Download(fileName, mediaType, content.getBytes(StandardCharsets.UTF_8));
    }
}
