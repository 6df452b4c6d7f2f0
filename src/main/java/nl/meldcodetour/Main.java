/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import nl.meldcodetour.content.ContentPreload;

/** The application's entry point: the content is read while Quarkus starts (see {@link ContentPreload}). */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) {
        ContentPreload.startFromEnvironment();
        Quarkus.run(args);
    }
}
