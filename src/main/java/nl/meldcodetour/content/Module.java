package nl.meldcodetour.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learning module as a trainer wrote it in content/modules/{id}/module.yml.
 *
 * @param core           everyone gets this module, whatever their sector
 * @param sectors        sectors the module is for (empty when {@code core})
 * @param refresherMonths how long a pass stays valid
 * @param passMark       percentage of correct answers needed to pass (1-100)
 * @param drawSize       how many questions one attempt draws from the bank
 */
public record Module(String id, String title, String summary, boolean core, Set<String> sectors,
        int refresherMonths, int passMark, int drawSize, List<Page> pages, List<Question> questions, int order) {

    public int pageCount() {
        return pages.size();
    }

    /** Page by 1-based number. */
    public Optional<Page> page(int number) {
        return number >= 1 && number <= pages.size() ? Optional.of(pages.get(number - 1)) : Optional.empty();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public boolean isFor(Optional<String> sector, java.util.function.Function<String, Optional<String>> parentOf) {
        if (core) {
            return true;
        }
        if (sector.isEmpty()) {
            return false;
        }
        // A module for a sector is also for its sub-sectors (gezondheidszorg -> ouderenzorg).
        Optional<String> current = sector;
        while (current.isPresent()) {
            if (sectors.contains(current.get())) {
                return true;
            }
            current = parentOf.apply(current.get());
        }
        return false;
    }
}
