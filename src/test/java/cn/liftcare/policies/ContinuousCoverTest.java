package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liftcare.policies.ContinuousCover.Span;

import static org.assertj.core.api.Assertions.assertThat;

class ContinuousCoverTest {

    static Span year(int y) {
        return new Span(LocalDate.of(y, 3, 1), LocalDate.of(y + 1, 3, 1));
    }

    @Test
    void renewalsThatMeetKeepCounting() {
        List<Span> spans = List.of(year(2018), year(2019), year(2020), year(2021));
        assertThat(ContinuousCover.years(spans, LocalDate.of(2018, 3, 1))).isZero();
        assertThat(ContinuousCover.years(spans, LocalDate.of(2019, 2, 28))).isZero();
        assertThat(ContinuousCover.years(spans, LocalDate.of(2019, 3, 1))).isEqualTo(1);
        assertThat(ContinuousCover.years(spans, LocalDate.of(2022, 2, 28))).isEqualTo(3);
        assertThat(ContinuousCover.runStart(spans, LocalDate.of(2021, 6, 1))).isEqualTo(LocalDate.of(2018, 3, 1));
    }

    @Test
    void aSingleDayWithoutCoverResetsTheYears() {
        List<Span> spans = List.of(year(2018), year(2019),
                new Span(LocalDate.of(2020, 3, 2), LocalDate.of(2021, 3, 2)));
        assertThat(ContinuousCover.years(spans, LocalDate.of(2020, 3, 1))).as("the gap day itself").isZero();
        assertThat(ContinuousCover.runStart(spans, LocalDate.of(2020, 3, 1))).isNull();
        assertThat(ContinuousCover.years(spans, LocalDate.of(2021, 3, 1))).isZero();
        assertThat(ContinuousCover.runStart(spans, LocalDate.of(2021, 3, 1))).isEqualTo(LocalDate.of(2020, 3, 2));
    }

    @Test
    void overlapsAndOrderDoNotMatterAndEndsAreExclusive() {
        List<Span> spans = List.of(new Span(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 1)), year(2019),
                new Span(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 1)));
        assertThat(ContinuousCover.years(spans, LocalDate.of(2021, 5, 31))).isEqualTo(2);
        assertThat(ContinuousCover.years(spans, LocalDate.of(2021, 6, 1))).isZero();
        assertThat(ContinuousCover.years(List.of(), LocalDate.of(2021, 6, 1))).isZero();
    }

    @Test
    void aLeapDayStartCountsWholeYears() {
        List<Span> spans = List.of(new Span(LocalDate.of(2024, 2, 29), LocalDate.of(2027, 3, 1)));
        assertThat(ContinuousCover.years(spans, LocalDate.of(2025, 2, 28))).isZero();
        assertThat(ContinuousCover.years(spans, LocalDate.of(2025, 3, 1))).isEqualTo(1);
        assertThat(ContinuousCover.years(spans, LocalDate.of(2028, 2, 28))).isZero();
    }
}
