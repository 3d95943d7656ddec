package cn.liftcare.shared;

import java.math.BigDecimal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/** Money lives in numeric(14,2) columns: exact, summable and comparable in SQL. */
final class MoneyConversions {

    private MoneyConversions() {
    }

    @WritingConverter
    static final class MoneyToBigDecimal implements Converter<Money, BigDecimal> {
        @Override
        public BigDecimal convert(Money source) {
            return source.amount();
        }
    }

    @ReadingConverter
    static final class BigDecimalToMoney implements Converter<BigDecimal, Money> {
        @Override
        public Money convert(BigDecimal source) {
            return Money.of(source);
        }
    }
}
