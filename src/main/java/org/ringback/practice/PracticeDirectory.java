package org.ringback.practice;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The practice module's facade: practices, their settings and categories, with access checked. */
@Service
public class PracticeDirectory {

    private final Practices practices;
    private final Identity identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PracticeSettings settings;

    PracticeDirectory(Practices practices, Identity identity, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.practices = practices;
        this.settings = new PracticeSettings(new PracticeSettings.Loader() {
            @Override
            public Optional<Practice> practice(UUID id) {
                return practices.find(id);
            }

            @Override
            public List<Category> categories(UUID id) {
                return practices.categories(id);
            }
        });
        this.identity = identity;
        this.clock = clock;
    }

    /** Creates a practice with the default categories (ADMIN only). */
    @Transactional
    public Practice create(Practice practice) {
        return create(practice, Optional.empty());
    }

    /** Creates a practice with the default categories and its Twilio auth token, if given (ADMIN only). */
    @Transactional
    public Practice create(Practice practice, Optional<String> twilioAuthToken) {
        if (!identity.current().isAdmin()) {
            throw new Refusal.NotPermitted("Only an admin may create a practice");
        }
        Practice created = createSeeded(practice);
        events.publishEvent(new PracticeCreated(created.id(), twilioAuthToken));
        return created;
    }

    /** Creates a practice with the default categories, without a caller (first-start demo). */
    @Transactional
    public Practice createSeeded(Practice practice) {
        try {
            practice.calendar();
        } catch (IllegalArgumentException e) {
            throw new Refusal.InvalidInput("businessHours", e.getMessage());
        }
        settings.changed(practice.id());
        practices.insert(practice, clock.instant());
        DefaultCategories.all().forEach(category -> practices.saveCategory(practice.id(), category));
        return practice;
    }

    public boolean isEmpty() {
        return practices.count() == 0;
    }

    /** The practice, when the caller may see it. */
    public Practice get(UUID practiceId) {
        identity.requireAccess(practiceId);
        return find(practiceId);
    }

    /** The practice without an access check: for modules that already checked access to one of its items. */
    public Practice find(UUID practiceId) {
        return settings(practiceId).practice();
    }

    /** The practice's business calendar, without an access check (as {@link #find}). */
    public BusinessCalendar calendar(UUID practiceId) {
        return settings(practiceId).calendar();
    }

    private PracticeSettings.Entry settings(UUID practiceId) {
        return settings.find(practiceId).orElseThrow(() -> new Refusal.NotFound("Practice"));
    }

    /** Every practice, without a caller: for the sweeps, which work all of them. */
    public List<Practice> all() {
        return practices.findAll();
    }

    public List<Practice> visibleToCaller() {
        CurrentUser user = identity.current();
        return user.isAdmin() ? practices.findAll() : practices.findAll(user.practiceIds());
    }

    public List<Category> categories(UUID practiceId) {
        identity.requireAccess(practiceId);
        return settings(practiceId).categories().values().stream().sorted(Comparator.comparing(Category::code)).toList();
    }

    /** A category of a practice whose access was already checked. */
    public Category category(UUID practiceId, String code) {
        return settings.find(practiceId).map(entry -> entry.categories().get(code))
                .orElseThrow(() -> new Refusal.RuleViolation("Unknown category '" + code + "' for this practice",
                        List.of(new Refusal.FieldError("category", "is not a category of this practice"))));
    }

    /**
     * Replaces the ladder settings of the named categories (a manager's change); the other categories keep theirs.
     * An unknown code refuses the whole change, naming the field ({@code categories[i].code}).
     */
    @Transactional
    public List<Category> replaceLadders(UUID practiceId, java.util.Map<String, Ladder> ladders) {
        identity.requireManager(practiceId);
        find(practiceId);
        settings.changed(practiceId);
        var known = new java.util.HashMap<String, Category>();
        practices.categories(practiceId).forEach(category -> known.put(category.code(), category));
        var errors = new java.util.ArrayList<Refusal.FieldError>();
        int i = 0;
        for (String code : ladders.keySet()) {
            if (!known.containsKey(code)) {
                errors.add(new Refusal.FieldError("categories[" + i + "].code", "is not a category of this practice"));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw new Refusal.InvalidInput("Unknown categories", errors);
        }
        ladders.forEach((code, ladder) -> {
            Category c = known.get(code);
            practices.saveCategory(practiceId, new Category(c.code(), c.name(), c.queue(), c.responseWindow(), c.resolutionTarget(),
                    ladder, c.requiredFields(), c.closureOutcomes(), c.clinical(), c.referralSensitive()));
        });
        return practices.categories(practiceId);
    }

    @Transactional
    public Category replaceCategory(UUID practiceId, Category category) {
        identity.requireManager(practiceId);
        find(practiceId);
        settings.changed(practiceId);
        practices.saveCategory(practiceId, category);
        events.publishEvent(new CategoryChanged(practiceId, category.code()));
        return category;
    }

    /**
     * Replaces a practice's business time: hours, holiday calendar and closures (manager). Open items' due
     * times are then recomputed in the new calendar, in the same transaction.
     */
    @Transactional
    public Practice changeCalendar(UUID practiceId, Map<DayOfWeek, List<OpeningInterval>> hours, Optional<String> holidayCalendar,
                                   Set<LocalDate> closures) {
        identity.requireManager(practiceId);
        Practice current = find(practiceId);
        settings.changed(practiceId);
        Practice changed = new Practice(current.id(), current.name(), current.timeZone(), holidayCalendar, current.phoneRegion(),
                hours, closures, current.callWindows(), current.boardIdentifier());
        try {
            changed.calendar();
        } catch (IllegalArgumentException e) {
            throw new Refusal.InvalidInput("businessHours", e.getMessage());
        }
        practices.updateCalendar(changed);
        events.publishEvent(new CalendarChanged(practiceId));
        return changed;
    }
}
