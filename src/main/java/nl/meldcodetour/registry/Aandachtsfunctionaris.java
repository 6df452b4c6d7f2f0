/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An aandachtsfunctionaris of an organisation, optionally for one location. History is kept. */
@Entity
@Table(name = "aandachtsfunctionaris")
public class Aandachtsfunctionaris extends Membership {

    public String location;
}
