/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A beheerder lifted the retry gate of a person for a module: failed attempts before {@code liftedAt} no longer count. */
@Entity
@Table(name = "quiz_gate_lift")
public class QuizGateLift {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(name = "lifted_at", nullable = false)
    public Instant liftedAt;

    @Column(name = "lifted_by", nullable = false)
    public String liftedBy;
}
