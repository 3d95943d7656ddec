package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.liftcare.incidents.RepairPart.Action;
import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The loss-assessment rules at their boundaries, and a table of whole claims with their outcome and findings. */
class AssessmentTest {

    static final ClaimRules RULES = new ClaimRules("2026-01", LocalDate.of(2017, 9, 1), new BigDecimal("0.10"),
            new BigDecimal("0.50"), Money.ofYuan(120), new BigDecimal("0.50"), new BigDecimal("0.50"), 30, 2,
            Money.ofYuan(20000), Money.ofYuan(500000));
    static final LocalDate LOSS = LocalDate.of(2026, 6, 15);
    static final Set<String> PARTS_EXCLUSIONS = Set.of("VANDALISM", "NATURAL_CATASTROPHE", "CONSUMABLES",
            "PRE_EXISTING_DEFECT", "MANUFACTURER_WARRANTY");

    static ClaimFacts.Cover cover() {
        return new ClaimFacts.Cover(1, "TB20260000001", 9, "2026-01", true, PARTS_EXCLUSIONS, Money.ZERO,
                Money.ofYuan(150000), Money.ZERO, Money.ofYuan(150000), Money.ZERO, null);
    }

    /** A door operator motor (guide 2,000, norm 4 h, life 8 years) at a given price. */
    static ClaimFacts.Line door(String price) {
        return new ClaimFacts.Line("DO-MC", "DOORS", Action.REPLACE, 1, Money.of(price), Money.ofYuan(2000),
                new BigDecimal("4"), 8, null, null);
    }

    static ClaimFacts clean() {
        return new ClaimFacts(ClaimSource.REPAIR, "PARTS", LOSS, Cause.WEAR, cover(), LocalDate.of(2010, 5, 1),
                List.of(door("2000")), new BigDecimal("4"), new ClaimFacts.Evidence("incident:1", true, true, true),
                List.of());
    }

    static ClaimFacts with(UnaryOperator<ClaimFacts> change) {
        return change.apply(clean());
    }

    static String result(Assessment.Result r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).map(f -> f.result().name()).findFirst()
                .orElse("-");
    }

    @ParameterizedTest(name = "price {0} against a guide of 2,000 → {1}, allowed {2}")
    @CsvSource({"2000.00, PASS, 2000.00", "2200.00, PASS, 2200.00", "2200.01, CAP, 2000.00", "3000.00, CAP, 2000.00",
            "3000.20, REFER, 2000.00", "0.00, PASS, 0.00"})
    void priceAgainstTheGuide(String price, String expected, String allowed) {
        Assessment.Result r = Assessment.assess(RULES, with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                f.cause(), f.cover(), f.commissioned(), List.of(door(price)), f.labourHours(), f.evidence(), f.duplicates())));
        assertThat(result(r, "price")).isEqualTo(expected);
        assertThat(r.allowed().get(0)).isEqualTo(Money.of(allowed));
    }

    @ParameterizedTest(name = "{0} h against a 4 h norm → {1}")
    @CsvSource({"6.0, PASS, 720.00", "6.1, CAP, 480.00", "0, PASS, 0.00"})
    void labourAgainstTheNorm(String hours, String expected, String labour) {
        Assessment.Result r = Assessment.assess(RULES, with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                f.cause(), f.cover(), f.commissioned(), f.lines(), new BigDecimal(hours), f.evidence(), f.duplicates())));
        assertThat(result(r, "labour")).isEqualTo(expected);
        assertThat(r.assessed()).isEqualTo(Money.ofYuan(2000).plus(Money.of(labour)));
    }

    @ParameterizedTest(name = "replaced {0} days before → {1}")
    @CsvSource({"1459, REFER", "1460, -", "165, REFER"})
    void aRepeatWellInsideThePartsLifeIsReferred(int daysBefore, String expected) {
        // half of an 8-year life is 1,460 days
        LocalDate last = LOSS.minusDays(daysBefore);
        ClaimFacts.Line line = new ClaimFacts.Line("DO-MC", "DOORS", Action.REPLACE, 1, Money.ofYuan(2000),
                Money.ofYuan(2000), new BigDecimal("4"), 8, last, "claim:LP2022");
        Assessment.Result r = Assessment.assess(RULES, with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                f.cause(), f.cover(), f.commissioned(), List.of(line), f.labourHours(), f.evidence(), f.duplicates())));
        assertThat(result(r, "frequency")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "commissioned {0} → {1}")
    @CsvSource({"2024-06-16, DECLINE", "2024-06-15, PASS"})
    void theMakersWarrantyComesFirst(LocalDate commissioned, String expected) {
        Assessment.Result r = Assessment.assess(RULES, with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                f.cause(), f.cover(), commissioned, f.lines(), f.labourHours(), f.evidence(), f.duplicates())));
        assertThat(r.findings().get(0).result().name()).isEqualTo(expected);
    }

    @Test
    void theDeductibleAndTheLimitsCutTheAmount() {
        ClaimFacts.Cover nearlyUsed = new ClaimFacts.Cover(1, "TB", 9, "2026-01", true, PARTS_EXCLUSIONS,
                Money.ofYuan(100), Money.ofYuan(150000), Money.ofYuan(148000), Money.ofYuan(150000), Money.ofYuan(149000),
                null);
        Assessment.Result r = Assessment.assess(RULES, with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                f.cause(), nearlyUsed, f.commissioned(), f.lines(), f.labourHours(), f.evidence(), f.duplicates())));
        // 2,000 + 480 labour − 100 deductible = 2,380; the elevator has 1,000 left of its year
        assertThat(r.assessed()).isEqualTo(Money.ofYuan(1000));
        assertThat(result(r, "money")).isEqualTo("CAP");
        assertThat(r.outcome()).isEqualTo(Finding.Result.PASS);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("clean evidence, fair price", clean(), Finding.Result.PASS, List.of()),
                Arguments.of("no policy in force", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(), f.cause(),
                        null, f.commissioned(), f.lines(), f.labourHours(), f.evidence(), f.duplicates())),
                        Finding.Result.DECLINE, List.of("cover.policy")),
                Arguments.of("vandalism", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(), Cause.VANDALISM,
                        f.cover(), f.commissioned(), f.lines(), f.labourHours(), f.evidence(), f.duplicates())),
                        Finding.Result.DECLINE, List.of("cover.exclusion")),
                Arguments.of("only a consumable", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(), f.cause(),
                        f.cover(), f.commissioned(), List.of(new ClaimFacts.Line("LUB-OIL", "CONSUMABLE", Action.REPLACE, 1,
                                Money.ofYuan(180), Money.ofYuan(180), new BigDecimal("0.5"), 1, null, null)),
                        BigDecimal.ZERO, f.evidence(), f.duplicates())),
                        Finding.Result.DECLINE, List.of("cover.consumable", "money")),
                Arguments.of("price far above the guide (小病大修)", with(f -> new ClaimFacts(f.source(), f.section(),
                        f.lossDate(), f.cause(), f.cover(), f.commissioned(), List.of(door("3100")), f.labourHours(),
                        f.evidence(), f.duplicates())), Finding.Result.REFER, List.of("price")),
                Arguments.of("no check-in on site", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                        f.cause(), f.cover(), f.commissioned(), f.lines(), f.labourHours(),
                        new ClaimFacts.Evidence("incident:1", false, true, true), f.duplicates())),
                        Finding.Result.REFER, List.of("evidence.checkIn")),
                Arguments.of("no link and no photos", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(),
                        f.cause(), f.cover(), f.commissioned(), f.lines(), f.labourHours(),
                        new ClaimFacts.Evidence(null, true, false, true), f.duplicates())),
                        Finding.Result.REFER, List.of("evidence.link", "evidence.photos")),
                Arguments.of("a duplicate", with(f -> new ClaimFacts(f.source(), f.section(), f.lossDate(), f.cause(),
                        f.cover(), f.commissioned(), f.lines(), f.labourHours(), f.evidence(), List.of("LP20260000007"))),
                        Finding.Result.REFER, List.of("duplicate")),
                Arguments.of("an entrapment", new ClaimFacts(ClaimSource.ENTRAPMENT, "LIABILITY", LOSS, Cause.OTHER,
                        new ClaimFacts.Cover(1, "TB", 9, "2026-01", true, Set.of("VANDALISM"), Money.ZERO,
                                Money.ofYuan(1000000), Money.ZERO, Money.ofYuan(150000), Money.ZERO, Money.ofYuan(300)),
                        LocalDate.of(2010, 1, 1), List.of(), BigDecimal.ZERO,
                        new ClaimFacts.Evidence("incident:2", true, false, false), List.of()),
                        Finding.Result.PASS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenariosDecideAsExpected(String name, ClaimFacts facts, Finding.Result outcome, List<String> flagged) {
        Assessment.Result r = Assessment.assess(RULES, facts);
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.findings().stream().filter(f -> f.result() != Finding.Result.PASS).map(Finding::rule).distinct())
                .containsExactlyInAnyOrderElementsOf(flagged);
        if (outcome == Finding.Result.PASS) {
            assertThat(r.assessed().signum()).isPositive();
        }
        if (facts.source() == ClaimSource.ENTRAPMENT) {
            assertThat(r.assessed()).isEqualTo(Money.ofYuan(300));
        }
    }
}
