/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import nl.meldcodetour.registry.Membership;

/** Someone working for an organisation in a function (content/functions.yml). */
@Entity
@Table(name = "employment")
public class Employment extends Membership {

    @Column(name = "function_id", nullable = false)
    public String functionId;
}
