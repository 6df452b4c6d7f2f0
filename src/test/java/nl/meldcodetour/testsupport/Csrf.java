/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assertions;

/**
 * What a browser sends with every form: the CSRF cookie and the same token in the hidden field. Add with
 * {@code given().filter(Csrf.FORM)} to a page request that changes something.
 */
public final class Csrf implements Filter {

    public static final String COOKIE = "csrf";
    public static final String TOKEN = "test-csrf-token-0123456789abcdefghijklmnopq";
    public static final Csrf FORM = new Csrf();

    private Csrf() {}

    /**
     * The page a refused form redirects to (post/redirect/get): follows the 303 of {@code refused} with the cookies
     * it set, as a browser does, and returns that page's HTML (status 200).
     */
    public static String followRefused(RequestSpecification given, Response refused) {
        Assertions.assertEquals(303, refused.statusCode(), "a refused form redirects to itself: " + refused.asString());
        return given.filter(FORM)
                .cookies(refused.getCookies())
                .redirects()
                .follow(false)
                .get(refused.header("Location"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        request.cookie(COOKIE, TOKEN);
        if (!"GET".equals(request.getMethod())) {
            if (request.getMultiPartParams().isEmpty()) {
                request.formParam("csrf", TOKEN);
            } else {
                request.multiPart("csrf", TOKEN);
            }
        }
        return context.next(request, response);
    }
}
