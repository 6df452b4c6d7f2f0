/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Starts the WireMock OIDC server (quarkus-test-oidc-server) once for every @QuarkusTest: it serves the discovery
 * document and keys that verify the tokens {@link Tokens} signs, and the code-flow endpoints.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SmtpTestServer.class)
public final class OidcTestServer {
    private OidcTestServer() {}
}
