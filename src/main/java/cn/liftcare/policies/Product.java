package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liftcare.shared.Money;

/**
 * One version of 电梯养老综合保险 as a product: its sections with limits, deductibles and exclusions, the
 * per-elevator annual limit, the commitment term, and the pension's share schedule. Policies keep the
 * version they were written under.
 */
public record Product(String version, LocalDate effectiveFrom, String nameZh, String nameEn, int commitmentYears,
        Money perElevatorAnnualLimit, List<Section> sections, Pension pension, int graceDays, Subsidy subsidy) {

    /**
     * The government subsidy towards the premium: a share of each elevator's premium up to a cap, for
     * monitored elevators only when {@code monitoredOnly}. A zero share means no subsidy.
     */
    public record Subsidy(BigDecimal share, Money capPerElevator, boolean monitoredOnly) {

        public Money of(Money premium, boolean monitored) {
            if (monitoredOnly && !monitored || share.signum() == 0) {
                return Money.ZERO;
            }
            return premium.times(share).min(capPerElevator);
        }
    }

    public enum SectionCode {
        /** 维保服务费, paid to the maintenance company by its quality score. */
        MAINTENANCE_FEE,
        /** 配件维修更换. */
        PARTS,
        /** 定期检验与自检费. */
        INSPECTION,
        /** 人身伤害责任, with a fixed payment per entrapment. */
        LIABILITY,
        /** 养老: a share of major repair or whole-elevator replacement. */
        PENSION
    }

    public enum Exclusion {
        VANDALISM, NATURAL_CATASTROPHE, CONSUMABLES, PRE_EXISTING_DEFECT, MANUFACTURER_WARRANTY
    }

    /**
     * @param annualLimit per elevator and year, or null when only the product's overall limit applies
     * @param fixedPayment a fixed sum per event (the entrapment payment of the liability section), or null
     */
    public record Section(SectionCode code, Money annualLimit, Money deductible, Money fixedPayment,
            Set<Exclusion> exclusions) {
    }

    /** The insurer's share by continuous insured years, and the cap per kind of event. */
    public record Pension(List<Step> schedule, Map<String, Money> caps) {

        public record Step(int fromYears, BigDecimal share) {
        }

        /** The share for an elevator insured without a gap for so many years. */
        public BigDecimal shareAfter(int continuousYears) {
            BigDecimal share = BigDecimal.ZERO;
            for (Step step : schedule) {
                if (continuousYears >= step.fromYears()) {
                    share = step.share();
                }
            }
            return share;
        }
    }

    public Section section(SectionCode code) {
        return sections.stream().filter(s -> s.code() == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("product " + version + " has no section " + code));
    }
}
