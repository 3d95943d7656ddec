package cn.liftcare.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsExactlyTwoDecimalsRoundingHalfUp() {
        assertThat(Money.of("9420").amount()).isEqualByComparingTo("9420.00");
        assertThat(Money.of("0.005").fen()).isEqualTo(1);
        assertThat(Money.of("0.004").fen()).isZero();
        assertThat(Money.of("-0.005").fen()).isEqualTo(-1);
    }

    @Test
    void addsWithoutBinaryFloatingPointError() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10"));
        }
        assertThat(sum).isEqualTo(Money.ofYuan(1));
        assertThat(Money.ofFen(942000)).isEqualTo(Money.of("9420.00"));
    }

    @Test
    void multipliesByAFactorRoundingToTheFen() {
        assertThat(Money.of("9420.00").times(new BigDecimal("0.3"))).isEqualTo(Money.of("2826.00"));
        assertThat(Money.of("100.00").times(new BigDecimal("0.33333"))).isEqualTo(Money.of("33.33"));
    }

    @Test
    void comparesByValueNotScale() {
        assertThat(Money.of("1.0")).isEqualTo(Money.of("1.00")).hasSameHashCodeAs(Money.of("1"));
        assertThat(Money.of("2").isGreaterThan(Money.of("1.99"))).isTrue();
        assertThat(Money.of("2").min(Money.of("3"))).isEqualTo(Money.of("2"));
        assertThat(Money.of("-1").isNegative()).isTrue();
        assertThat(Money.of("5").minus(Money.of("7")).signum()).isNegative();
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Money.of((BigDecimal) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isAPlainNumberOfYuanInJson() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(json.writeValueAsString(Money.of("380"))).isEqualTo("380.00");
        assertThat(json.writeValueAsString(java.util.Map.of("price", Money.of("-0.5")))).isEqualTo("{\"price\":-0.50}");
    }
}
