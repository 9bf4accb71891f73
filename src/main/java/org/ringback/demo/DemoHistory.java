package org.ringback.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.ringback.callback.Actor;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackContext;
import org.ringback.callback.Channel;
import org.ringback.callback.RedFlag;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.ringback.intake.RedFlagScreen;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;

/**
 * Generates a practice's callback history the way a family practice sees it: Monday peaks, a voicemail
 * spike over the lunch closure, the usual category mix, attempts that reach about two patients in five,
 * second calls after failed ladders, a few red flags, and a live queue at the end. Every step goes through
 * the callback aggregate, so the history obeys the same rules as real work. Seeded: the same seed and
 * clock give the same history, at any size.
 */
public final class DemoHistory {

    /** What the generator needs from the practice. */
    public interface Practice {
        UUID id();

        BusinessCalendar calendar();

        CallbackContext context(String category, Optional<UUID> patientId);

        Category category(String code);
    }

    /** @param requestsPerWeekday average requests on a Tuesday; Monday gets about 45% more */
    public record Settings(int days, double requestsPerWeekday, long seed) {
    }

    private static final double[] WEEKDAY_FACTOR = {1.45, 1.0, 0.95, 0.95, 0.85, 0.12, 0.08};
    /** Share of a day's requests per local hour 0..23: the morning rush and the lunch-closure voicemails. */
    private static final double[] HOURLY = {0, 0, 0, 0, 0, 0, 0.005, 0.03, 0.14, 0.13, 0.11, 0.09, 0.12, 0.09, 0.08, 0.07, 0.06, 0.04, 0.02, 0.01, 0.005, 0, 0, 0};
    private static final String[][] CATEGORY_MIX = {
            {"APPOINTMENT_REQUEST", "22"}, {"RESCHEDULE", "10"}, {"PRESCRIPTION_ROUTE", "12"}, {"NEW_PATIENT_APPOINTMENT", "6"},
            {"CANCELLATION", "5"}, {"REFERRAL_STATUS", "7"}, {"BILLING", "7"}, {"INSURANCE_ELIGIBILITY", "5"},
            {"RECORDS_REQUEST", "5"}, {"GENERAL_QUESTION", "6"}, {"POST_VISIT_FOLLOW_UP", "4"}, {"TELEHEALTH_ACCESS", "2"},
            {"INTAKE_FORM", "2"}, {"CLINICAL_CONCERN", "3"}, {"MISSED_CALL", "4"}};
    private static final Map<String, List<String>> REASONS = Map.ofEntries(
            Map.entry("APPOINTMENT_REQUEST", List.of("Would like a follow-up visit for blood pressure", "Needs an annual physical", "Asking for a sick visit this week", "Wants to see the doctor about knee pain")),
            Map.entry("RESCHEDULE", List.of("Needs to move Thursday's appointment", "Work conflict, asks for a later time", "Asks to reschedule the physical")),
            Map.entry("PRESCRIPTION_ROUTE", List.of("Refill request for lisinopril", "Pharmacy says the prescription was not received", "Asks to switch pharmacy for refills")),
            Map.entry("NEW_PATIENT_APPOINTMENT", List.of("New to the area, looking for a primary care doctor", "New patient referred by a friend")),
            Map.entry("CANCELLATION", List.of("Cancels tomorrow's appointment", "Cannot make it on Monday")),
            Map.entry("REFERRAL_STATUS", List.of("Asks whether the cardiology referral was sent", "Specialist has not received the referral", "Checking on the dermatology referral")),
            Map.entry("BILLING", List.of("Question about a bill from last month", "Was charged a copay twice")),
            Map.entry("INSURANCE_ELIGIBILITY", List.of("Changed insurance, asks if the practice accepts the new plan", "Asks whether a visit is covered")),
            Map.entry("RECORDS_REQUEST", List.of("Needs records sent to a new specialist", "Asks for immunization records for school")),
            Map.entry("GENERAL_QUESTION", List.of("Asks about office hours over the holiday", "Question about the patient portal login")),
            Map.entry("POST_VISIT_FOLLOW_UP", List.of("Question about the lab results discussed at the visit", "Follow-up question after Tuesday's visit")),
            Map.entry("TELEHEALTH_ACCESS", List.of("Cannot join the video visit link", "Video visit link did not arrive")),
            Map.entry("INTAKE_FORM", List.of("Submitted the intake form, asks what is next")),
            Map.entry("CLINICAL_CONCERN", List.of("Cough for a week and getting worse", "High fever since yesterday", "Rash after starting the new medicine")),
            Map.entry("MISSED_CALL", List.of("")));
    private static final List<String> RED_FLAG_REASONS = List.of(
            "Calling about chest pain since this morning", "Mi mamá tiene dolor de pecho y dificultad para respirar",
            "Trouble breathing when walking up stairs", "Severe bleeding after the procedure");
    private static final RedFlagScreen SCREEN = RedFlagScreen.withDefaults();
    private static final Map<String, Double> REACH_BY_WINDOW = Map.of("MORNING", 0.42, "MIDDAY", 0.33, "AFTERNOON", 0.38, "EVENING", 0.55);

    private final Practice practice;
    private final Settings settings;
    private final List<Patient> patients;
    private final List<String> staff;
    private final String clinician;
    private final Random random;

    public DemoHistory(Practice practice, Settings settings, List<Patient> patients, List<String> staff, String clinician) {
        this.practice = practice;
        this.settings = settings;
        this.patients = List.copyOf(patients);
        this.staff = List.copyOf(staff);
        this.clinician = clinician;
        this.random = new Random(settings.seed());
    }

    /** The callbacks of the last {@code days} days up to {@code now}, oldest first, each with its whole history. */
    public List<Callback> generate(Instant now) {
        BusinessCalendar calendar = practice.calendar();
        LocalDate today = calendar.localDate(now);
        Map<String, Instant> lastClosedByPatientCategory = new HashMap<>();
        Map<String, UUID> lastClosedIdByPatientCategory = new HashMap<>();
        List<Callback> callbacks = new ArrayList<>();
        for (LocalDate day = today.minusDays(settings.days()); !day.isAfter(today); day = day.plusDays(1)) {
            double expected = settings.requestsPerWeekday() * WEEKDAY_FACTOR[day.getDayOfWeek().getValue() - 1]
                    * (calendar.isBusinessDay(day) || isWeekend(day) ? 1.0 : 0.3);
            int count = poisson(expected);
            for (int i = 0; i < count; i++) {
                Instant receivedAt = arrival(day, calendar);
                if (!receivedAt.isBefore(now)) {
                    continue;
                }
                Patient patient = patients.get(random.nextInt(patients.size()));
                boolean redFlag = random.nextDouble() < 0.015;
                String category = redFlag ? "CLINICAL_CONCERN" : pick(CATEGORY_MIX);
                String key = patient.id() + "/" + category;
                Optional<UUID> secondCallOf = Optional.ofNullable(lastClosedByPatientCategory.get(key))
                        .filter(closed -> closed.isBefore(receivedAt) && closed.isAfter(receivedAt.minus(Duration.ofDays(14))))
                        .map(closed -> lastClosedIdByPatientCategory.get(key));
                Callback callback = receive(patient, category, receivedAt, calendar, redFlag, secondCallOf);
                work(callback, category, patient, now, calendar);
                callback.state().closure().ifPresent(closure -> {
                    lastClosedByPatientCategory.put(key, closure.closedAt());
                    lastClosedIdByPatientCategory.put(key, callback.id());
                });
                callbacks.add(callback);
            }
        }
        callbacks.sort((a, b) -> a.state().receivedAt().compareTo(b.state().receivedAt()));
        return callbacks;
    }

    private Callback receive(Patient patient, String category, Instant receivedAt, BusinessCalendar calendar, boolean redFlag,
                             Optional<UUID> secondCallOf) {
        boolean open = calendar.isOpenAt(receivedAt);
        Channel channel = channel(category, open);
        String reason = redFlag ? RED_FLAG_REASONS.get(random.nextInt(RED_FLAG_REASONS.size()))
                : REASONS.get(category).get(random.nextInt(REASONS.get(category).size()));
        var screening = SCREEN.screen(reason);
        Urgency base = category.equals("CLINICAL_CONCERN") ? Urgency.CLINICAL
                : random.nextDouble() < 0.08 ? Urgency.TIME_SENSITIVE : Urgency.ROUTINE;
        Urgency urgency = screening.urgency().map(base::atLeast).orElse(base);
        List<RedFlag> flags = screening.hits().stream().map(hit -> new RedFlag(hit.phrase(), hit.language(), hit.urgency())).toList();
        var request = new Callback.Request(practice.id(), UUID.randomUUID(), Optional.of(patient.id()), Optional.empty(),
                patient.primaryPhone(), channel, category, urgency, reason.isEmpty() ? Optional.empty() : Optional.of(reason), Map.of(),
                flags, receivedAt, secondCallOf);
        return Callback.receive(request, practice.context(category, Optional.of(patient.id())), Actor.SYSTEM);
    }

    /** Works an item as a desk would until it closes or "now" arrives, leaving the live queue in realistic states. */
    private void work(Callback callback, String code, Patient patient, Instant now, BusinessCalendar calendar) {
        CallbackContext context = practice.context(code, Optional.of(patient.id()));
        Category category = practice.category(code);
        boolean clinicalItem = category.clinical() || callback.state().urgency().isClinical();
        Actor actor = clinicalItem ? new Actor(clinician, true) : new Actor(staff.get(random.nextInt(staff.size())), false);
        // Time to first attempt: most within the window, a tail of late ones (the backlog a manager wants to see).
        Duration delay = Duration.ofMinutes((long) (Math.exp(random.nextGaussian() * 0.9 + Math.log(clinicalItem ? 20 : 110))));
        Instant at = calendar.plusBusinessTime(callback.state().receivedAt(), delay);
        if (category.referralSensitive() && random.nextDouble() < 0.3 && at.isBefore(now)) {
            callback.waitOn(WaitingOn.REFERRAL_DOCUMENTS, Optional.of("Waiting on the specialist's office"),
                    Optional.of(calendar.nextBusinessDay(calendar.localDate(at))), at, context, actor);
            Instant back = calendar.plusBusinessTime(at, Duration.ofHours(6 + random.nextInt(10)));
            if (!back.isBefore(now)) {
                return;
            }
            callback.resume(back, context, actor);
            at = calendar.plusBusinessTime(back, Duration.ofMinutes(20));
        }
        while (callback.state().status().isOpen() && at.isBefore(now)) {
            String window = windowName(context, at);
            boolean reached = random.nextDouble() < REACH_BY_WINDOW.getOrDefault(window, 0.35);
            AttemptResult result = reached ? AttemptResult.REACHED : failedResult(patient);
            Optional<String> next = reached ? Optional.empty() : Optional.of(result == AttemptResult.LEFT_VOICEMAIL
                    ? "Left a message; try the next window" : "Try again in another window");
            callback.recordAttempt(new Callback.AttemptReport(ContactMethod.PHONE, at, result, result == AttemptResult.LEFT_VOICEMAIL,
                    Optional.of(reached ? "OPENING" : "VOICEMAIL"), Optional.empty(), next, Map.of(),
                    Optional.of(attemptDuration(reached))), context, actor, at);
            if (reached) {
                Instant closeAt = at.plus(Duration.ofMinutes(4 + random.nextInt(8)));
                boolean settled = closeAt.isBefore(now.minus(Duration.ofDays(2)));
                if (closeAt.isBefore(now) && (settled || random.nextDouble() < 0.9)) {
                    close(callback, category, closeAt, context, actor);
                }
                return;
            }
            if (callback.state().escalationLevel() > 0) {
                // Recent escalations stay on the board for the supervisor; older ones were closed by clinical staff.
                Instant decided = at.plus(Duration.ofHours(1));
                if (decided.isBefore(now.minus(Duration.ofDays(2)))) {
                    callback.close(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS, Optional.of("Reviewed by clinical staff"),
                            Map.of(), decided, context, new Actor(clinician, true));
                }
                return;
            }
            Instant planned = callback.state().nextActionAt().orElse(at);
            at = planned.plus(Duration.ofMinutes(random.nextInt(40)));
        }
    }

    private void close(Callback callback, Category category, Instant at, CallbackContext context, Actor actor) {
        List<ClosureOutcome> real = category.closureOutcomes().stream().filter(ClosureOutcome::resolves)
                .filter(outcome -> !outcome.endsWithoutDetails()).sorted().toList();
        ClosureOutcome outcome = category.allows(ClosureOutcome.BOOKED) && random.nextDouble() < 0.72 ? ClosureOutcome.BOOKED
                : real.isEmpty() ? ClosureOutcome.ROUTED_PER_POLICY : real.get(random.nextInt(real.size()));
        Map<String, String> details = new HashMap<>();
        category.requiredFields().forEach(field -> details.put(field, sample(field)));
        callback.close(outcome, Optional.empty(), details, at, context, actor);
    }

    /** A reached call takes minutes; a voicemail or no answer about one. Lognormal, like real handle times. */
    private Duration attemptDuration(boolean reached) {
        double medianSeconds = reached ? 300 : 60;
        return Duration.ofSeconds(Math.max(15, Math.round(medianSeconds * Math.exp(random.nextGaussian() * 0.5))));
    }

    private static String windowName(CallbackContext context, Instant at) {
        LocalTime local = at.atZone(context.calendar().zone()).toLocalTime();
        return context.callWindows().stream().filter(w -> w.contains(local)).map(CallWindow::name).findFirst().orElse("");
    }

    private AttemptResult failedResult(Patient patient) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return AttemptResult.BUSY;
        }
        return patient.consent().voicemail() && roll < 0.75 ? AttemptResult.LEFT_VOICEMAIL : AttemptResult.NO_ANSWER;
    }

    private Channel channel(String category, boolean open) {
        double roll = random.nextDouble();
        if (!open) {
            return roll < 0.7 ? Channel.VOICEMAIL : Channel.WEB_FORM;
        }
        if (category.equals("REFERRAL_STATUS") && roll < 0.5) {
            return Channel.REFERRAL;
        }
        if (category.equals("APPOINTMENT_REQUEST") && roll < 0.3) {
            return Channel.APPOINTMENT_REQUEST;
        }
        if (roll < 0.40) {
            return Channel.MISSED_CALL;
        }
        if (roll < 0.65) {
            return Channel.VOICEMAIL;
        }
        return roll < 0.80 ? Channel.WEB_FORM : roll < 0.93 ? Channel.PORTAL : Channel.STAFF;
    }

    private Instant arrival(LocalDate day, BusinessCalendar calendar) {
        double roll = random.nextDouble();
        int hour = 0;
        double total = 0;
        for (int h = 0; h < HOURLY.length; h++) {
            total += HOURLY[h];
            if (roll * sumOf(HOURLY) <= total) {
                hour = h;
                break;
            }
        }
        return calendar.at(day, LocalTime.of(hour, random.nextInt(60), random.nextInt(60)));
    }

    private static double sumOf(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    private String pick(String[][] mix) {
        int total = 0;
        for (String[] entry : mix) {
            total += Integer.parseInt(entry[1]);
        }
        int roll = random.nextInt(total);
        for (String[] entry : mix) {
            roll -= Integer.parseInt(entry[1]);
            if (roll < 0) {
                return entry[0];
            }
        }
        return mix[0][0];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private String sample(String field) {
        return switch (field) {
            case "visitType" -> List.of("follow-up", "annual physical", "sick visit").get(random.nextInt(3));
            case "availability" -> "weekday mornings";
            case "providerPreference" -> "any provider";
            case "deadline" -> "none";
            case "plan" -> "Blue Cross PPO";
            case "questionType" -> "coverage";
            case "verificationNeeded" -> "no";
            default -> "noted";
        };
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
