package nl.meldcodetour.registry;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An aandachtsfunctionaris of an organisation, from start date until (optional) end date. History is kept. */
@Entity
@Table(name = "aandachtsfunctionaris")
public class Aandachtsfunctionaris {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    public String location;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isActiveOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
