/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

/**
 * What was asked for does not exist, or is not for this caller (indistinguishable on purpose). Answered with 404, like
 * the JAX-RS {@code NotFoundException}; services throw this one so that they need no JAX-RS types. Named apart from
 * the JAX-RS class so the two never clash in imports.
 */
public class MissingException extends RuntimeException {

    public MissingException() {
        super("not found", null, false, false);
    }
}
