/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Hands the rendered HTML pages to the HTTP layer as UTF-8 bytes. Quarkus REST's writer for a {@code String} lets
 * Netty encode it one character at a time, which was 6-8 % of the CPU of a learner page; {@link String#getBytes} with
 * the JDK's encoder takes about a third of that, and the bytes are then copied as one block (docs/benchmarks.md,
 * Decisions: HTML as bytes). (A {@code MessageBodyWriter} for {@code String} is not used for template responses:
 * Quarkus fixes the
 * writer when it builds the application.) Only UTF-8 responses are converted, the charset of every template; any
 * other charset stays with the standard writer.
 */
public class HtmlBytes {

    @ServerResponseFilter
    public void toBytes(ContainerResponseContext response) {
        if (response.getEntity() instanceof String html) {
            MediaType type = response.getMediaType();
            if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE) && utf8(type)) {
                response.setEntity(html.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static boolean utf8(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("UTF-8");
    }
}
