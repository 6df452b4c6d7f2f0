package nl.meldcodetour.registry;

import java.time.LocalDate;

/** The last day of an aandachtsfunctionaris or of a staff member, as the API takes it. */
public record EndRequest(LocalDate endDate) {
}
