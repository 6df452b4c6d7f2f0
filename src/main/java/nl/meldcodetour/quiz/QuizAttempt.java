/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One try at a module's quiz: the drawn questions, and once submitted the answers and the result. Managed by Hibernate
 * when started, for drafts and for reading; the submission itself is plain JDBC on an {@link AttemptRow}
 * (docs/benchmarks.md, Decisions: Quiz submission in plain JDBC), never through this entity.
 */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(name = "content_version", nullable = false)
    public String contentVersion;

    @Column(name = "pass_mark", nullable = false)
    public int passMark;

    @Column(name = "question_count", nullable = false)
    public int questionCount;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** When answers were last saved as a draft (not scored); null when never. */
    @Column(name = "draft_saved_at")
    public Instant draftSavedAt;

    @Column(name = "right_count")
    public Integer rightCount;

    public Integer percentage;

    public Boolean passed;

    @OneToMany(mappedBy = "attempt", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AttemptQuestion> questions = new ArrayList<>();

    public boolean isSubmitted() {
        return submittedAt != null;
    }
}
