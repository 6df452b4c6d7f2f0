package nl.meldcodetour.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What other features ask of an organisation without reading {@code organisation} (this feature's table) themselves. */
@ApplicationScoped
public class Organisations {

    @Inject
    EntityManager em;

    /** Whether organisation {@code id} exists and is deactivated now (a deactivated organisation goes quiet). */
    public boolean isDeactivated(long id) {
        return !em.createNativeQuery("SELECT 1 FROM organisation WHERE id = ?1 AND NOT active").setParameter(1, id).getResultList().isEmpty();
    }
}
