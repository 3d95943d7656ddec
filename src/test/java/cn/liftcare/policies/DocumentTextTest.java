package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTextTest {

    @Test
    void aTermEndsOnTheDayBeforeItsEndAtMidnight() {
        assertThat(DocumentText.term(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1)))
                .isEqualTo("自 2026年3月1日零时起至 2027年2月28日二十四时止");
        assertThat(DocumentText.cover(LocalDate.of(2026, 6, 9), LocalDate.of(2027, 3, 1)))
                .isEqualTo("2026-06-09 至 2027-02-28");
        assertThat(DocumentText.cover(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).isEqualTo("未生效");
    }

    @Test
    void amountsSharesAndWholeYuan() {
        assertThat(DocumentText.yuan(Money.of("300"))).isEqualTo("300");
        assertThat(DocumentText.yuan(Money.of("150000"))).isEqualTo("150,000");
        assertThat(DocumentText.yuan(Money.of("12.5"))).isEqualTo("12.50");
        assertThat(DocumentText.share(new BigDecimal("0.20"))).isEqualTo("20%");
        assertThat(DocumentText.share(new BigDecimal("0.00"))).isEqualTo("0%");
        assertThat(DocumentText.percent(new BigDecimal("12.50"))).isEqualTo("12.5%");
    }
}
