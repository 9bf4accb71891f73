package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringback.callback.RepeatCallDetector.Decision;
import org.ringback.callback.RepeatCallDetector.Decision.AttachTo;
import org.ringback.callback.RepeatCallDetector.Decision.FirstCall;
import org.ringback.callback.RepeatCallDetector.Decision.SecondCallOf;
import org.ringback.callback.RepeatCallDetector.Prior;

class RepeatCallDetectorProperties {

    private static final Instant NOW = Instant.parse("2025-03-17T14:00:00Z");
    private static final Duration LOOKBACK = RepeatCallDetector.DEFAULT_LOOKBACK;
    private static final String CATEGORY = "BILLING";

    private final RepeatCallDetector detector = new RepeatCallDetector(LOOKBACK);

    @Provide
    Arbitrary<List<Prior>> priors() {
        Arbitrary<Long> offsetSeconds = Arbitraries.longs().between(-30L * 86_400, 30L * 86_400);
        Arbitrary<Prior> prior = Combinators.combine(
                        Arbitraries.integers().between(1, 50),
                        Arbitraries.of(CATEGORY, "RESCHEDULE", "RECORDS_REQUEST"),
                        Arbitraries.of(true, false),
                        offsetSeconds,
                        Arbitraries.longs().between(0, 20L * 86_400))
                .as((id, category, open, received, duration) -> {
                    Instant receivedAt = NOW.plusSeconds(received);
                    return new Prior(new UUID(0, id), category, open, receivedAt,
                            open ? Optional.empty() : Optional.of(receivedAt.plusSeconds(duration)));
                });
        return prior.list().ofMaxSize(8);
    }

    @Property
    void theOrderOfThePriorsNeverChangesTheDecision(@ForAll("priors") List<Prior> priors, @ForAll long seed) {
        List<Prior> shuffled = new ArrayList<>(priors);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(detector.decide(CATEGORY, NOW, shuffled)).isEqualTo(detector.decide(CATEGORY, NOW, priors));
    }

    @Property
    void priorsOfOtherCategoriesNeverMatter(@ForAll("priors") List<Prior> priors) {
        List<Prior> sameCategory = priors.stream().filter(p -> p.category().equals(CATEGORY)).toList();

        assertThat(detector.decide(CATEGORY, NOW, priors)).isEqualTo(detector.decide(CATEGORY, NOW, sameCategory));
    }

    @Property
    void theDecisionPointsAtAQualifyingPriorOfTheSameCategory(@ForAll("priors") List<Prior> priors) {
        Decision decision = detector.decide(CATEGORY, NOW, priors);

        if (decision instanceof AttachTo attach) {
            assertThat(priors).anySatisfy(p -> {
                assertThat(p.callbackId()).isEqualTo(attach.callbackId());
                assertThat(p.open()).isTrue();
                assertThat(p.category()).isEqualTo(CATEGORY);
                assertThat(Duration.between(p.receivedAt(), NOW).abs()).isLessThanOrEqualTo(LOOKBACK);
            });
        } else if (decision instanceof SecondCallOf second) {
            assertThat(priors).noneSatisfy(p -> assertThat(p.open() && p.category().equals(CATEGORY)
                    && Duration.between(p.receivedAt(), NOW).abs().compareTo(LOOKBACK) <= 0).isTrue());
            assertThat(priors).anySatisfy(p -> {
                assertThat(p.callbackId()).isEqualTo(second.callbackId());
                assertThat(p.open()).isFalse();
                assertThat(p.category()).isEqualTo(CATEGORY);
                assertThat(Duration.between(p.closedAt().orElseThrow(), NOW).abs()).isLessThanOrEqualTo(LOOKBACK);
            });
        } else {
            assertThat(decision).isEqualTo(new FirstCall());
            assertThat(priors).noneSatisfy(p -> assertThat(p.category().equals(CATEGORY)
                    && Duration.between(p.open() ? p.receivedAt() : p.closedAt().orElseThrow(), NOW).abs()
                            .compareTo(LOOKBACK) <= 0).isTrue());
        }
    }

    @Property
    void aPriorOutsideTheLookBackOnBothSidesChangesNothing(@ForAll("priors") List<Prior> priors,
            @ForAll boolean open, @ForAll boolean before) {
        Duration beyond = LOOKBACK.plusSeconds(1);
        Instant at = before ? NOW.minus(beyond) : NOW.plus(beyond);
        Prior stale = new Prior(new UUID(1, 1), CATEGORY, open, open ? at : at.minus(Duration.ofDays(1)),
                open ? Optional.empty() : Optional.of(at));
        List<Prior> withStale = new ArrayList<>(priors);
        withStale.add(stale);

        assertThat(detector.decide(CATEGORY, NOW, withStale)).isEqualTo(detector.decide(CATEGORY, NOW, priors));
    }
}
