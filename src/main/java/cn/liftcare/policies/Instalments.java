package cn.liftcare.policies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.liftcare.shared.Money;

/** A year's premium in 1, 2, 4 or 12 equal instalments, due at the start of each period; the fen left over goes on the first. */
public final class Instalments {

    public record Instalment(int number, LocalDate dueOn, Money amount) {
    }

    private Instalments() {
    }

    public static List<Instalment> split(Money total, int count, LocalDate termStart) {
        if (count != 1 && count != 2 && count != 4 && count != 12) {
            throw new IllegalArgumentException("instalments " + count);
        }
        Money each = Money.of(total.amount().divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN));
        Money first = total.minus(each.times(BigDecimal.valueOf(count - 1)));
        List<Instalment> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Instalment(i + 1, termStart.plusMonths((long) i * (12 / count)), i == 0 ? first : each));
        }
        return list;
    }
}
