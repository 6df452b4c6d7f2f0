/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.meldcodetour.core.NotReady;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * 202 with Retry-After for an answer that is still being prepared: returned by the resource like any other answer, not
 * thrown. A page for people; for the API a JSON body with {@code status} and {@code title} (not a problem: nothing
 * went wrong).
 */
public final class Accepted {

    private Accepted() {}

    public static Response page(NotReady notReady) {
        return Response.fromResponse(ErrorMappers.page(202, notReady.title(), notReady.message()))
                .header(HttpHeaders.RETRY_AFTER, notReady.retryAfterSeconds())
                .build();
    }

    /** The 202 in place of the {@code T} that an API method answers once the figures are ready. */
    @SuppressWarnings("unchecked")
    public static <T> RestResponse<T> json(NotReady notReady) {
        ApiError body = new ApiError(202, notReady.title() + " " + notReady.message(), List.of());
        RestResponse<?> accepted = RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, notReady.retryAfterSeconds())
                .build();
        return (RestResponse<T>) accepted;
    }
}
