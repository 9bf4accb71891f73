package org.ringback.callback;

import static org.ringback.practice.ClosureOutcome.ACCOUNT_REVIEW_PENDING;
import static org.ringback.practice.ClosureOutcome.BOOKED;
import static org.ringback.practice.ClosureOutcome.DUPLICATE;
import static org.ringback.practice.ClosureOutcome.EXPLANATION_PROVIDED;
import static org.ringback.practice.ClosureOutcome.INFORMATION_REQUESTED;
import static org.ringback.practice.ClosureOutcome.PATIENT_DECLINED;
import static org.ringback.practice.ClosureOutcome.QUESTION_ANSWERED;
import static org.ringback.practice.ClosureOutcome.REFERRAL_UPDATE_GIVEN;
import static org.ringback.practice.ClosureOutcome.ROUTED_FOR_REVIEW;
import static org.ringback.practice.ClosureOutcome.ROUTED_PER_POLICY;
import static org.ringback.practice.ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS;
import static org.ringback.practice.ClosureOutcome.WAITING_ON_INFORMATION;
import static org.ringback.practice.ClosureOutcome.WRONG_NUMBER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Ladder;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.ResponseWindow;

/**
 * Test data for the callback rules: a New York clinic open Mon–Fri 08:00–12:00 and 13:00–17:00 (8 business hours
 * a day), closed on Thanksgiving (Thu 2026-11-26) and on its own closure day Thu 2026-12-24; the default call
 * windows; a few of the default categories (copied, since DefaultCategories is package-private in practice).
 * Offsets: EST = UTC-5 (from 2026-11-01 and before 2026-03-08), EDT = UTC-4 in between.
 */
final class CallbackFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    static final LocalDate CHRISTMAS_EVE_CLOSURE = LocalDate.of(2026, 12, 24);
    static final BusinessCalendar CLINIC = clinic();

    /** Monday 2026-11-23 09:00 EST = 14:00Z: the default receipt time. */
    static final Instant MONDAY_0900 = ny("2026-11-23T09:00");

    static final Actor FRONT_DESK = new Actor("frank.frontdesk", false);
    static final Actor NURSE = new Actor("nina.rn", true);

    /** Every channel consented; detailed voicemail not. */
    static final Consent ALL_CHANNELS = new Consent(true, false, true, true, true);

    static final List<String> SCHEDULING_FIELDS = List.of("visitType", "availability", "providerPreference", "deadline");
    static final ResponseWindow SAME_DAY_BY_3PM = new ResponseWindow.SameDay(LocalTime.of(15, 0));
    static final ResponseWindow NEXT_DAY_NOON = new ResponseWindow.NextBusinessDay(LocalTime.NOON);
    static final ResponseWindow NEXT_DAY_CLOSE = new ResponseWindow.NextBusinessDay(null);
    static final ResponseWindow WITHIN_ONE_HOUR = new ResponseWindow.Within(Duration.ofHours(1));

    static final Category APPOINTMENT_REQUEST = new Category("APPOINTMENT_REQUEST", "Appointment request", "SCHEDULING",
            SAME_DAY_BY_3PM, Duration.ofHours(16), Ladder.DEFAULT, SCHEDULING_FIELDS,
            outcomes(BOOKED, WAITING_ON_INFORMATION, ROUTED_FOR_REVIEW), false, false);
    static final Category BILLING = new Category("BILLING", "Billing", "BILLING", NEXT_DAY_CLOSE, Duration.ofHours(24),
            Ladder.DEFAULT, List.of(), outcomes(EXPLANATION_PROVIDED, INFORMATION_REQUESTED, ACCOUNT_REVIEW_PENDING), false, false);
    static final Category REFERRAL_STATUS = new Category("REFERRAL_STATUS", "Referral status", "REFERRALS", NEXT_DAY_NOON,
            Duration.ofHours(24), Ladder.DEFAULT, List.of("receiptStatus", "missingDocuments", "nextExpectedUpdate"),
            outcomes(REFERRAL_UPDATE_GIVEN, WAITING_ON_INFORMATION, ROUTED_FOR_REVIEW), false, true);
    static final Category CLINICAL_CONCERN = new Category("CLINICAL_CONCERN", "Clinical concern", "CLINICAL", WITHIN_ONE_HOUR,
            Duration.ofHours(8), new Ladder(3, Duration.ofMinutes(30), false), List.of(),
            outcomes(ROUTED_FOR_REVIEW, QUESTION_ANSWERED, BOOKED), true, false);
    static final Category TELEHEALTH_ACCESS = new Category("TELEHEALTH_ACCESS", "Telehealth access", "FRONT_DESK",
            WITHIN_ONE_HOUR, Duration.ofHours(4), Ladder.DEFAULT, List.of(), outcomes(QUESTION_ANSWERED, BOOKED), false, false);

    static final Map<String, Category> CATEGORIES = Stream.of(APPOINTMENT_REQUEST, BILLING, REFERRAL_STATUS, CLINICAL_CONCERN,
            TELEHEALTH_ACCESS).collect(Collectors.toUnmodifiableMap(Category::code, Function.identity()));

    private CallbackFixtures() {
    }

    /** A local date-time in New York, e.g. {@code ny("2026-11-23T09:00")}. */
    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    static Category category(String code) {
        Category category = CATEGORIES.get(code);
        if (category == null) {
            throw new IllegalArgumentException("No fixture category " + code + "; known: " + CATEGORIES.keySet());
        }
        return category;
    }

    static CallbackBuilder aCallback() {
        return new CallbackBuilder();
    }

    static AttemptBuilder anAttempt() {
        return new AttemptBuilder();
    }

    private static Set<ClosureOutcome> outcomes(ClosureOutcome... specific) {
        Set<ClosureOutcome> all = EnumSet.of(UNABLE_TO_REACH_AFTER_ATTEMPTS, ROUTED_PER_POLICY, DUPLICATE, WRONG_NUMBER, PATIENT_DECLINED);
        all.addAll(Arrays.asList(specific));
        return all;
    }

    private static BusinessCalendar clinic() {
        var hours = List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return new BusinessCalendar(NEW_YORK, week, date -> date.equals(THANKSGIVING), Set.of(CHRISTMAS_EVE_CLOSURE));
    }

    /** A request as intake hands it over, and the context the rules see around it. */
    static final class CallbackBuilder {
        private Category category = APPOINTMENT_REQUEST;
        private Urgency urgency = Urgency.ROUTINE;
        private Instant receivedAt = MONDAY_0900;
        private Channel channel = Channel.VOICEMAIL;
        private List<RedFlag> redFlags = List.of();
        private Map<String, String> details = Map.of();
        private Consent consent = ALL_CHANNELS;
        private Set<String> preferredWindows = Set.of();
        private Optional<UUID> repeatOf = Optional.empty();

        CallbackBuilder inCategory(String code) {
            return inCategory(category(code));
        }

        CallbackBuilder inCategory(Category category) {
            this.category = category;
            return this;
        }

        CallbackBuilder withUrgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        CallbackBuilder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        CallbackBuilder via(Channel channel) {
            this.channel = channel;
            return this;
        }

        CallbackBuilder withRedFlags(RedFlag... flags) {
            this.redFlags = List.of(flags);
            return this;
        }

        CallbackBuilder withDetails(Map<String, String> details) {
            this.details = Map.copyOf(details);
            return this;
        }

        CallbackBuilder withConsent(Consent consent) {
            this.consent = consent;
            return this;
        }

        CallbackBuilder preferring(String... windows) {
            this.preferredWindows = Set.of(windows);
            return this;
        }

        CallbackBuilder secondCallOf(UUID earlier) {
            this.repeatOf = Optional.of(earlier);
            return this;
        }

        CallbackContext context() {
            return new CallbackContext(category, CLINIC, CallWindow.DEFAULTS, preferredWindows, consent);
        }

        Callback.Request request() {
            return new Callback.Request(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), UUID.randomUUID(),
                    Optional.of(UUID.randomUUID()), Optional.of("Pat Example"), Optional.of("+12125550100"), channel,
                    category.code(), urgency, Optional.of("Call back please"), details, redFlags, receivedAt, repeatOf);
        }

        /** Received by the front desk. */
        Callback build() {
            return Callback.receive(request(), context(), FRONT_DESK);
        }
    }

    /** An attempt as staff report it; by default a phone call that did not reach the patient, with a next action. */
    static final class AttemptBuilder {
        private ContactMethod method = ContactMethod.PHONE;
        private Instant at = MONDAY_0900.plus(Duration.ofMinutes(30));
        private AttemptResult result = AttemptResult.NO_ANSWER;
        private boolean messageLeft;
        private Optional<String> nextAction = Optional.of("Call again at the next ladder time");
        private Map<String, String> details = Map.of();

        AttemptBuilder at(Instant at) {
            this.at = at;
            return this;
        }

        AttemptBuilder by(ContactMethod method) {
            this.method = method;
            return this;
        }

        AttemptBuilder result(AttemptResult result) {
            this.result = result;
            return this;
        }

        AttemptBuilder reached() {
            return result(AttemptResult.REACHED);
        }

        AttemptBuilder leavingMessage() {
            this.messageLeft = true;
            return this;
        }

        AttemptBuilder nextAction(String text) {
            this.nextAction = Optional.of(text);
            return this;
        }

        AttemptBuilder withoutNextAction() {
            this.nextAction = Optional.empty();
            return this;
        }

        AttemptBuilder withDetails(Map<String, String> details) {
            this.details = Map.copyOf(details);
            return this;
        }

        Instant at() {
            return at;
        }

        Callback.AttemptReport build() {
            return new Callback.AttemptReport(method, at, result, messageLeft, Optional.empty(), Optional.empty(), nextAction, details,
                    Optional.empty());
        }
    }
}
