/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Public: anyone with a verification code sees whether the certificate is valid, expired or unknown, with only what
 * the certificate itself shows (name, module, dates, issuer) — never an e-mail address or anything else.
 */
@Path("/verificatie")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class VerificationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String code, String error);

        static native TemplateInstance result(String code, Certificate certificate, boolean valid);
    }

    @Inject
    CertificateService certificates;

    @GET
    public Response form(@QueryParam("code") String code) {
        if (code == null || code.isBlank()) {
            return page(Response.ok(Templates.form("", null)));
        }
        Optional<String> normalised = VerificationCode.normalise(code);
        if (normalised.isEmpty()) {
            return page(
                    Response.status(400)
                            .entity(
                                    Templates.form(
                                            code.length() > 64 ? code.substring(0, 64) : code,
                                            "Een verificatiecode heeft 20 tekens (cijfers en letters), bijvoorbeeld 7KQ2-M9XD-4TRB-0WZC-8HFA.")));
        }
        return Response.seeOther(URI.create("/verificatie/" + VerificationCode.display(normalised.get())))
                .build();
    }

    @GET
    @Path("{code}")
    public Response result(@PathParam("code") String code) {
        Optional<Certificate> found = certificates.byCode(code);
        String shown = VerificationCode.normalise(code)
                .map(VerificationCode::display)
                .orElse(code.length() > 64 ? code.substring(0, 64) : code);
        return page(Response.status(found.isPresent() ? 200 : 404)
                .entity(Templates.result(
                        shown,
                        found.orElse(null),
                        found.map(c -> c.isValidOn(certificates.today())).orElse(false))));
    }

    /** Results are not for search engines or caches. */
    private static Response page(Response.ResponseBuilder r) {
        return r.header("X-Robots-Tag", "noindex, nofollow").build();
    }
}
