/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import java.util.Map;

/** Input that breaks a business rule; carries a Dutch message per field. Answered with 400. */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super("invalid input: " + errors.keySet(), null, false, false);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
