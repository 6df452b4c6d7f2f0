/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The limit decides on the route and the client, not on how they are written (issue #28, point 8). */
class RateLimitKeyTest {

    @Test
    void matrixParametersAndATrailingSlashDoNotMakeAnotherRoute() {
        assertEquals("/inloggen", RateLimits.routePath("/inloggen;x"));
        assertEquals("/inloggen", RateLimits.routePath("/inloggen/"));
        assertEquals("/verificatie/ABC", RateLimits.routePath("/verificatie;x=1/ABC;y"));
        assertEquals("/", RateLimits.routePath("/"));
    }

    @Test
    void ipv4MappedAddressesShareTheIpv4BucketAndIpv6CountsPer64() {
        assertEquals("192.0.2.7", RateLimits.clientKey("192.0.2.7"));
        assertEquals("192.0.2.7", RateLimits.clientKey("::ffff:192.0.2.7"));
        assertEquals("192.0.2.7", RateLimits.clientKey("[::ffff:c000:207]"));
        assertEquals(RateLimits.clientKey("2001:db8:1:2::1"), RateLimits.clientKey("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertNotEquals(RateLimits.clientKey("2001:db8:1:2::1"), RateLimits.clientKey("2001:db8:1:3::1"));
    }
}
