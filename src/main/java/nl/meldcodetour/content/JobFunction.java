/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;

/** A job function (content/functions.yml) and the modules it requires on top of the core modules. */
public record JobFunction(String id, String name, String sector, List<String> modules) {}
