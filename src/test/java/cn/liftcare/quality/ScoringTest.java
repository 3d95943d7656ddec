package cn.liftcare.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.liftcare.shared.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The maths of each indicator, the weighting, the grades and the vetoes, as tables of cases. */
class ScoringTest {

    static Standard standard(Map<Indicator, Double> weights) {
        List<Standard.Weighted> indicators = new ArrayList<>();
        Map<Indicator, double[]> ranges = Map.of(Indicator.ON_TIME, new double[] {1, 0.8}, Indicator.RECORDS,
                new double[] {1, 0.8}, Indicator.FAULTS, new double[] {1, 6}, Indicator.ENTRAPMENTS,
                new double[] {0, 0.5}, Indicator.RESCUE, new double[] {1, 0.7}, Indicator.INSPECTION,
                new double[] {1, 0.6}, Indicator.COMPLAINTS, new double[] {0, 3}, Indicator.SATISFACTION,
                new double[] {5, 2}, Indicator.SPOT_CHECK, new double[] {100, 60});
        for (Indicator i : Indicator.values()) {
            indicators.add(new Standard.Weighted(i, weights.getOrDefault(i, 0.0), ranges.get(i)[0], ranges.get(i)[1]));
        }
        return new Standard("T", LocalDate.of(2020, 1, 1), "test", "test", indicators,
                List.of("LIABILITY_ACCIDENT", "FORGED_RECORDS", "UNCERTIFIED_STAFF"),
                List.of(new Standard.Threshold("A", 90), new Standard.Threshold("B", 80), new Standard.Threshold("C", 70),
                        new Standard.Threshold("D", 0)),
                Map.of("A", new BigDecimal("1.05"), "B", BigDecimal.ONE, "C", new BigDecimal("0.90"), "D",
                        new BigDecimal("0.70")));
    }

    static Facts facts(long days, long visits, long onTime, long missed, long flagged, long faults, long entrapments,
            long within, long inspections, long firstPass, long complaints, long votes, double stars, long checks,
            double checkPoints, long vetoes) {
        return new Facts(days, visits, onTime, missed, flagged, faults, entrapments, within, within, inspections,
                firstPass, complaints, votes, stars, checks, checkPoints, vetoes);
    }

    /** Each indicator alone: the figure it reads from the facts, and the points the default function gives it. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # indicator  | facts: days,visits,onTime,missed,flagged,faults,entr,within,insp,firstPass,compl,votes,stars,checks,pts | value  | points
            ON_TIME      | 365,24,24,0,0,0,0,0,0,0,0,0,0,0,0     | 1.0    | 100.0
            ON_TIME      | 365,20,18,0,0,0,0,0,0,0,0,0,0,0,0     | 0.9    | 50.0
            ON_TIME      | 365,20,16,4,0,0,0,0,0,0,0,0,0,0,0     | 0.6667 | 0.0
            ON_TIME      | 365,0,0,1,0,0,0,0,0,0,0,0,0,0,0       | 0.0    | 0.0
            ON_TIME      | 365,0,0,0,0,0,0,0,0,0,0,0,0,0,0       | null   | null
            RECORDS      | 365,20,20,0,2,0,0,0,0,0,0,0,0,0,0     | 0.9    | 50.0
            RECORDS      | 365,20,20,0,0,0,0,0,0,0,0,0,0,0,0     | 1.0    | 100.0
            RECORDS      | 365,10,10,0,5,0,0,0,0,0,0,0,0,0,0     | 0.5    | 0.0
            FAULTS       | 365,0,0,0,0,1,0,0,0,0,0,0,0,0,0       | 1.0    | 100.0
            FAULTS       | 730,0,0,0,0,7,0,0,0,0,0,0,0,0,0       | 3.5    | 50.0
            FAULTS       | 91,0,0,0,0,3,0,0,0,0,0,0,0,0,0        | 12.033 | 0.0
            FAULTS       | 0,0,0,0,0,3,0,0,0,0,0,0,0,0,0         | null   | null
            ENTRAPMENTS  | 365,0,0,0,0,0,0,0,0,0,0,0,0,0,0       | 0.0    | 100.0
            ENTRAPMENTS  | 1460,0,0,0,0,1,1,1,0,0,0,0,0,0,0      | 0.25   | 50.0
            RESCUE       | 365,0,0,0,0,4,4,4,0,0,0,0,0,0,0       | 1.0    | 100.0
            RESCUE       | 365,0,0,0,0,4,4,3,0,0,0,0,0,0,0       | 0.75   | 16.67
            RESCUE       | 365,0,0,0,0,0,0,0,0,0,0,0,0,0,0       | null   | null
            INSPECTION   | 365,0,0,0,0,0,0,0,5,4,0,0,0,0,0       | 0.8    | 50.0
            INSPECTION   | 365,0,0,0,0,0,0,0,1,0,0,0,0,0,0       | 0.0    | 0.0
            COMPLAINTS   | 365,0,0,0,0,0,0,0,0,0,3,0,0,0,0       | 3.0    | 0.0
            COMPLAINTS   | 730,0,0,0,0,0,0,0,0,0,1,0,0,0,0       | 0.5    | 83.33
            SATISFACTION | 365,0,0,0,0,0,0,0,0,0,0,2,7,0,0       | 3.5    | 50.0
            SATISFACTION | 365,0,0,0,0,0,0,0,0,0,0,1,5,0,0       | 5.0    | 100.0
            SATISFACTION | 365,0,0,0,0,0,0,0,0,0,0,0,0,0,0       | null   | null
            SPOT_CHECK   | 365,0,0,0,0,0,0,0,0,0,0,0,0,2,160     | 80.0   | 50.0
            SPOT_CHECK   | 365,0,0,0,0,0,0,0,0,0,0,0,0,1,55      | 55.0   | 0.0
            """)
    void eachIndicator(Indicator indicator, String counts, Double value, Double points) {
        long[] c = java.util.Arrays.stream(counts.split(",")).mapToLong(Long::parseLong).toArray();
        Facts f = facts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], 0);
        Scoring.Result r = Scoring.score(standard(Map.of(indicator, 10.0)), f);
        Scoring.Item item = r.items().stream().filter(i -> i.indicator() == indicator).findFirst().orElseThrow();
        if (value == null) {
            assertThat(item.value()).isNull();
            assertThat(item.points()).isNull();
            assertThat(r.score()).isZero();
        }
        else {
            assertThat(item.value()).isCloseTo(value, within(0.001));
            assertThat(item.points()).isCloseTo(points, within(0.01));
            assertThat(r.score()).isCloseTo(points, within(0.01));
        }
    }

    /** Weighted over the applicable indicators; grades at their thresholds; a veto forces D whatever the score. */
    @ParameterizedTest(name = "onTime {0}/{1}, checks {2}, veto {3} -> {4} {5}")
    @CsvSource(textBlock = """
            # onTime, visits, spot score, vetoes, score, grade
            20, 20, 100, 0, 100.0, A
            18, 20, 100, 0, 75.0,  C
            18, 20, 80,  0, 50.0,  D
            20, 20, 80,  0, 75.0,  C
            20, 20, 96,  0, 95.0,  A
            20, 20, 92,  0, 90.0,  A
            20, 20, 91.6, 0, 89.5, B
            20, 20, 100, 1, 100.0, D
            20, 20, 84,  0, 80.0,  B
            19, 20, 92,  0, 77.5,  C
            """)
    void weightingGradesAndVetoes(long onTime, long visits, double spot, long vetoes, double score, String grade) {
        Standard s = standard(Map.of(Indicator.ON_TIME, 50.0, Indicator.SPOT_CHECK, 50.0));
        Scoring.Result r = Scoring.score(s, facts(365, visits, onTime, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, spot, vetoes));
        assertThat(r.score()).isCloseTo(score, within(0.001));
        assertThat(r.grade()).isEqualTo(grade);
        assertThat(r.vetoed()).isEqualTo(vetoes > 0);
    }

    @Test
    void anIndicatorWithoutDataLeavesItsWeightOut() {
        Standard s = standard(Map.of(Indicator.ON_TIME, 50.0, Indicator.RESCUE, 50.0));
        // no entrapments: rescue is not applicable, so the score is on-time's alone, not halved
        Scoring.Result r = Scoring.score(s, facts(365, 20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(r.score()).isEqualTo(100.0);
        Scoring.Result withSlowRescue = Scoring.score(s, facts(365, 20, 20, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(withSlowRescue.score()).isEqualTo(50.0);
    }

    @Test
    void aNewVersionWithOtherWeightsScoresTheSameFactsDifferently() {
        Facts f = facts(365, 20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 70, 0);
        Scoring.Result v1 = Scoring.score(standard(Map.of(Indicator.ON_TIME, 50.0, Indicator.SPOT_CHECK, 50.0)), f);
        Scoring.Result v2 = Scoring.score(standard(Map.of(Indicator.ON_TIME, 20.0, Indicator.SPOT_CHECK, 80.0)), f);
        assertThat(v1.score()).isEqualTo(62.5);
        assertThat(v2.score()).isEqualTo(40.0);
    }

    @Test
    void factsAddUpOverElevatorsAndCompanies() {
        Facts a = facts(90, 6, 6, 0, 0, 1, 1, 1, 1, 1, 0, 1, 4, 0, 0, 0);
        Facts b = facts(92, 6, 3, 1, 2, 0, 0, 0, 0, 0, 2, 0, 0, 1, 70, 1);
        Facts sum = a.plus(b);
        assertThat(sum).isEqualTo(new Facts(182, 12, 9, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 4, 1, 70, 1));
        assertThat(Indicator.ON_TIME.value(sum)).isCloseTo(9.0 / 13, within(1e-9));
        assertThat(Scoring.score(standard(Map.of(Indicator.ON_TIME, 1.0)), sum).vetoed()).isTrue();
    }

    @Test
    void theShippedStandardIsValidAndPaysByGrade() {
        Standard shipped = new StandardBookFixture().shipped();
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.indicators()).extracting(Standard.Weighted::code).containsExactly(Indicator.values());
        assertThat(shipped.indicators().stream().mapToDouble(Standard.Weighted::weight).sum()).isEqualTo(100.0);
        assertThat(shipped.payFactor("A")).isEqualByComparingTo("1.05");
        assertThat(shipped.payFactor("D")).isEqualByComparingTo("0.70");
        assertThat(shipped.gradeOf(90, false)).isEqualTo("A");
        assertThat(shipped.gradeOf(89.99, false)).isEqualTo("B");
        assertThat(shipped.gradeOf(70, false)).isEqualTo("C");
        assertThat(shipped.gradeOf(69.99, false)).isEqualTo("D");
        assertThat(shipped.gradeOf(99, true)).isEqualTo("D");
    }

    @Test
    void aStandardWithBrokenPartsIsRefused() {
        Standard s = standard(Map.of(Indicator.ON_TIME, 10.0));
        Standard broken = new Standard("bad version!", null, "x", "x",
                List.of(new Standard.Weighted(Indicator.ON_TIME, 10, 1, 1), new Standard.Weighted(Indicator.ON_TIME, 5, 1, 0)),
                List.of("BRIBERY"), s.grades().subList(0, 3), Map.of("A", BigDecimal.ONE));
        assertThat(broken.problems()).extracting(v -> v.field()).contains("version", "effectiveFrom", "indicators",
                "vetoes", "grades", "payFactors");
        assertThat(s.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-Q3, 2026-07-01, 2026-10-01, 92
            2026-Q1, 2026-01-01, 2026-04-01, 90
            2024-Q1, 2024-01-01, 2024-04-01, 91
            2026-02, 2026-02-01, 2026-03-01, 28
            2024-02, 2024-02-01, 2024-03-01, 29
            2026-12, 2026-12-01, 2027-01-01, 31
            """)
    void periodBoundaries(String code, LocalDate start, LocalDate end, int days) {
        Period p = Period.parse(code);
        assertThat(p.start()).isEqualTo(start);
        assertThat(p.end()).isEqualTo(end);
        assertThat(p.days()).isEqualTo(days);
        assertThat(p.endedBy(end)).isTrue();
        assertThat(p.endedBy(end.minusDays(1))).isFalse();
    }

    @Test
    void periodsOutOfShapeAreRefused() {
        for (String bad : new String[] {"2026-Q5", "2026-13", "26-Q1", "2026Q1", "", null}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(ValidationFailedException.class);
        }
        assertThat(Period.parse("2026-Q1").previous().code()).isEqualTo("2025-Q4");
        assertThat(Period.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(Period.quarterOf(LocalDate.of(2026, 9, 30)).code()).isEqualTo("2026-Q3");
    }

    /** Reads the shipped standard the way the application does, without a database. */
    static final class StandardBookFixture {
        Standard shipped() {
            try (var in = getClass().getResourceAsStream("/quality/standard-2026-01.json")) {
                return tools.jackson.databind.json.JsonMapper.builder().build().readValue(in, Standard.class);
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
