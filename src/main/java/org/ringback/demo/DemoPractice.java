package org.ringback.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.ringback.callback.Callback;
import org.ringback.callback.CallbackContext;
import org.ringback.callback.CallbackDesk;
import org.ringback.identity.Role;
import org.ringback.identity.UserRegistration;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.BoardIdentifier;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Category;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.webform.WebForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database: a demo practice with staff, patients, four weeks of history and a
 * live queue. Browser tests and benchmarks create the same practice through {@link #create(String)}.
 */
@Component
@Order(1)
public class DemoPractice implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);
    private static final String[] FIRST = {"Maria", "James", "Aisha", "Wei", "Olivia", "Carlos", "Priya", "Noah", "Fatima", "Liam",
            "Sofia", "Ethan", "Grace", "Mateo", "Hannah", "Omar", "Chloe", "Diego", "Emma", "Kwame", "Lucia", "Ben", "Mei", "Ana"};
    private static final String[] LAST = {"Lopez", "Smith", "Khan", "Chen", "Johnson", "Garcia", "Patel", "Brown", "Nguyen", "Williams",
            "Martinez", "Davis", "Okafor", "Rossi", "Kim", "Silva", "Murphy", "Haddad", "Cohen", "Torres"};
    private static final String[] AREA_CODES = {"617", "508", "781", "857", "978"};

    private final DemoProperties properties;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final UserRegistration users;
    private final CallbackDesk desk;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final WebForms webForms;

    DemoPractice(DemoProperties properties, PracticeDirectory practices, PatientRegistry patients, UserRegistration users,
                 CallbackDesk desk, TransactionTemplate transaction, Clock clock, WebForms webForms) {
        this.properties = properties;
        this.practices = practices;
        this.patients = patients;
        this.users = users;
        this.desk = desk;
        this.transaction = transaction;
        this.clock = clock;
        this.webForms = webForms;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || !practices.isEmpty()) {
            return;
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(9));
        create(password);
        writeDemoLogins(password);
    }

    /** Creates the demo practice with users dana, alex (STAFF), sam (CLINICAL) and morgan (MANAGER), all with this password. */
    public Practice create(String password) {
        long started = System.nanoTime();
        Practice practice = transaction.execute(status -> createInTransaction(password));
        log.info("Created the demo practice in {} ms", (System.nanoTime() - started) / 1_000_000);
        return practice;
    }

    private Practice createInTransaction(String password) {
        Practice practice = practices.createSeeded(lakeside());
        webForms.publishIfFree(practice.id(), "lakeside");
        List<String> staff = List.of("dana", "alex");
        createUser("dana", "Dana Reyes", Role.STAFF, practice.id(), password);
        createUser("alex", "Alex Kim (virtual assistant)", Role.STAFF, practice.id(), password);
        createUser("sam", "Sam Chen, RN", Role.CLINICAL, practice.id(), password);
        createUser("morgan", "Morgan Lee (practice manager)", Role.MANAGER, practice.id(), password);

        List<Patient> roster = patients(practice.id());
        roster.forEach(patients::registerUnchecked);
        var history = new DemoHistory(new PracticeView(practice), new DemoHistory.Settings(properties.days(),
                properties.requestsPerWeekday(), properties.seed()), roster, staff, "sam");
        List<Callback> callbacks = history.generate(clock.instant());
        callbacks.forEach(desk::importHistory);
        log.info("Demo practice '{}' has id {} and {} callbacks", practice.name(), practice.id(), callbacks.size());
        return practice;
    }

    private void createUser(String username, String name, Role role, UUID practiceId, String password) {
        users.create(new UserRegistration.NewUser(username, password, name, Set.of(role), Set.of(practiceId)));
    }

    private void writeDemoLogins(String password) {
        Path file = properties.dataDir().resolve("demo-users");
        try {
            Files.createDirectories(properties.dataDir());
            Files.writeString(file, "Demo users dana, alex (STAFF), sam (CLINICAL), morgan (MANAGER); password: " + password + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Demo users dana, alex (STAFF), sam (CLINICAL) and morgan (MANAGER) have the password {} (also in {})",
                password, file.toAbsolutePath());
    }

    static Practice lakeside() {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0))));
        }
        return new Practice(UUID.randomUUID(), "Lakeside Family Medicine", ZoneId.of("America/New_York"), Optional.of("US"), "US",
                hours, Set.of(LocalDate.of(2026, 12, 24)), CallWindow.DEFAULTS, BoardIdentifier.FULL_NAME);
    }

    /** Fictional patients with 555-01xx numbers, which are reserved for fiction. */
    private List<Patient> patients(UUID practiceId) {
        var random = new Random(properties.seed());
        List<Patient> roster = new ArrayList<>();
        int size = Math.min(properties.patients(), AREA_CODES.length * 100);
        for (int i = 0; i < size; i++) {
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String phone = "+1" + AREA_CODES[i / 100] + "55501" + String.format("%02d", i % 100);
            boolean spanish = random.nextDouble() < 0.2;
            roster.add(new Patient(practiceId, UUID.randomUUID(), name, Optional.of("A" + (10000 + i)), List.of(phone),
                    random.nextDouble() < 0.8 ? ContactMethod.PHONE : ContactMethod.SMS,
                    random.nextDouble() < 0.3 ? Set.of(random.nextBoolean() ? "MORNING" : "AFTERNOON") : Set.of(),
                    spanish ? "es" : "en",
                    new Consent(random.nextDouble() < 0.9, random.nextDouble() < 0.3, random.nextDouble() < 0.6,
                            random.nextDouble() < 0.5, random.nextDouble() < 0.3)));
        }
        return roster;
    }

    /** The practice as the generator sees it, with categories read once. */
    private final class PracticeView implements DemoHistory.Practice {
        private final Practice practice;
        private final BusinessCalendar calendar;

        PracticeView(Practice practice) {
            this.practice = practice;
            this.calendar = practice.calendar();
        }

        @Override
        public UUID id() {
            return practice.id();
        }

        @Override
        public BusinessCalendar calendar() {
            return calendar;
        }

        @Override
        public CallbackContext context(String category, Optional<UUID> patientId) {
            return desk.context(practice.id(), category, patientId);
        }

        @Override
        public Category category(String code) {
            return practices.category(practice.id(), code);
        }
    }
}
