package cn.liftcare.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.liftcare.policies.PayerShare;
import cn.liftcare.policies.PayerSource;

/**
 * Which elevators of the demo district were insured from when, with whom, and who pays. The dated ones are
 * Gongshu's history as reported: the first five policies of 5 Sep 2017 in 小河佳苑, 大浒东苑 (one elevator,
 * paid from common income) and 清水公寓; 小河佳苑's whole estate from 2018; 青莎阁's four elevators with
 * 人保财险 from 2020, 30% from the maintenance fund (allowed since August 2019). The neighbours are dated
 * from today, so that about 60% of the residential elevators are insured now, as Gongshu reported for 2020,
 * and so that a few instalments fell due days ago whenever the demo starts.
 */
final class InsuranceHistory {

    static final String ZHESHANG = "浙商财险";
    static final String PICC = "人保财险";
    /** Every elevator of the community in service before the term, including any an earlier contract covered. */
    static final int ALL = -1;

    private InsuranceHistory() {
    }

    enum Stage {
        /** Issued, then renewed every year up to the term running today. */
        ISSUED,
        /** Surveyed and accepted by all three parties, waiting for the insurer to issue it. */
        BOUND,
        /** Quoted, some of its elevators still waiting for their risk survey. */
        QUOTED
    }

    /**
     * One contract and its renewals.
     *
     * @param firstTerm the first term's start; null for one dated from today: {@code years} whole years and
     *                  {@code daysIntoTerm} days before today (negative: a term still to start)
     * @param count how many elevators, the first ones no earlier contract took; or {@link #ALL}
     * @param oldestFirst whether the oldest elevators come first, rather than the first registered
     * @param terms how many terms it ran before another contract replaced it; 0 for up to today's
     * @param late a payer who has not yet paid the current term's instalment that fell due in the last days
     * @param decline whether one more elevator was surveyed and declined, and stays uninsured
     */
    record Plan(String community, LocalDate firstTerm, int years, int daysIntoTerm, int count, boolean oldestFirst,
            int terms, String insurer, int instalments, List<PayerShare> payers, PayerSource late, boolean decline,
            Stage stage) {

        LocalDate firstTerm(LocalDate today) {
            return firstTerm != null ? firstTerm : today.minusDays(daysIntoTerm).minusYears(years);
        }
    }

    static final LocalDate FIRST_POLICIES = LocalDate.of(2017, 9, 5);

    static final List<Plan> PLANS = List.of(
            // the first policies in China: two elevators of 小河佳苑 for one year, until the whole estate joined
            dated(DemoCatalogue.XIAOHE, FIRST_POLICIES, 2, false, 1, ZHESHANG, 1, pays(PayerSource.COMMON_INCOME, 100)),
            // 大浒东苑's elevator of 2007 (C区 9幢1单元 in the reports): 9,420 yuan a year from the common income
            dated("大浒东苑", FIRST_POLICIES, 1, true, 0, ZHESHANG, 1, pays(PayerSource.COMMON_INCOME, 100)),
            dated("清水公寓", FIRST_POLICIES, 2, false, 0, ZHESHANG, 1, pays(PayerSource.COMMON_INCOME, 100)),
            dated(DemoCatalogue.XIAOHE, LocalDate.of(2018, 9, 5), ALL, false, 0, ZHESHANG, 2,
                    pays(PayerSource.COMMON_INCOME, 60, PayerSource.PROPERTY_COMPANY, 40)),
            dated("湖墅嘉园", LocalDate.of(2019, 3, 1), ALL, false, 0, ZHESHANG, 2,
                    pays(PayerSource.COMMON_INCOME, 70, PayerSource.PROPERTY_COMPANY, 30)),
            dated("清水公寓", LocalDate.of(2019, 9, 5), 22, false, 0, ZHESHANG, 4, pays(PayerSource.PROPERTY_COMPANY, 100)),
            dated("大浒东苑", LocalDate.of(2020, 3, 1), 30, false, 0, ZHESHANG, 4,
                    pays(PayerSource.MAINTENANCE_FUND, 40, PayerSource.COMMON_INCOME, 60)),
            dated("青莎阁", LocalDate.of(2020, 6, 1), ALL, false, 0, PICC, 1,
                    pays(PayerSource.MAINTENANCE_FUND, 30, PayerSource.COMMON_INCOME, 70)),
            recent("金星桃源居", 5, 200, 52, 2, pays(PayerSource.MAINTENANCE_FUND, 50, PayerSource.COMMON_INCOME, 50), null,
                    false, Stage.ISSUED),
            // the second quarterly instalment fell due about ten days ago; the fund's share awaits the owners' vote
            recent("墨香苑", 4, 101, 40, 4, pays(PayerSource.MAINTENANCE_FUND, 40, PayerSource.COMMON_INCOME, 60),
                    PayerSource.MAINTENANCE_FUND, true, Stage.ISSUED),
            recent("运河宸园", 3, 250, 80, 2, pays(PayerSource.MAINTENANCE_FUND, 50, PayerSource.COMMON_INCOME, 50), null,
                    false, Stage.ISSUED),
            // renewed twelve days ago; the common income paid, the maintenance fund not yet
            recent("德胜新村", 3, 12, 40, 1, pays(PayerSource.MAINTENANCE_FUND, 60, PayerSource.COMMON_INCOME, 40),
                    PayerSource.MAINTENANCE_FUND, false, Stage.ISSUED),
            recent("大关苑", 2, 300, 46, 2, pays(PayerSource.PROPERTY_COMPANY, 100), null, false, Stage.ISSUED),
            // the retrofitted walk-up's residents share the premium; the third instalment is a few days late
            recent("天时苑", 2, 189, ALL, 4, pays(PayerSource.COMMON_INCOME, 100), PayerSource.COMMON_INCOME, false,
                    Stage.ISSUED),
            recent("和睦新村", 1, 60, 24, 1, pays(PayerSource.PROPERTY_COMPANY, 50, PayerSource.COMMON_INCOME, 50), null,
                    false, Stage.ISSUED),
            recent("上塘嘉苑", 1, 150, 66, 1, pays(PayerSource.MAINTENANCE_FUND, 30, PayerSource.COMMON_INCOME, 70), null,
                    false, Stage.ISSUED),
            recent("康桥花园", 0, -14, 20, 4, pays(PayerSource.MAINTENANCE_FUND, 50, PayerSource.COMMON_INCOME, 50), null,
                    false, Stage.BOUND),
            recent("祥符桥新苑", 0, -21, 16, 2, pays(PayerSource.MAINTENANCE_FUND, 40, PayerSource.COMMON_INCOME, 60), null,
                    false, Stage.QUOTED));

    private static Plan dated(String community, LocalDate first, int count, boolean oldestFirst, int terms,
            String insurer, int instalments, List<PayerShare> payers) {
        return new Plan(community, first, 0, 0, count, oldestFirst, terms, insurer, instalments, payers, null, false,
                Stage.ISSUED);
    }

    private static Plan recent(String community, int years, int daysIntoTerm, int count, int instalments,
            List<PayerShare> payers, PayerSource late, boolean decline, Stage stage) {
        return new Plan(community, null, years, daysIntoTerm, count, false, 0, ZHESHANG, instalments, payers, late,
                decline, stage);
    }

    private static List<PayerShare> pays(PayerSource source, int percent) {
        return List.of(new PayerShare(source, BigDecimal.valueOf(percent)));
    }

    private static List<PayerShare> pays(PayerSource first, int firstPercent, PayerSource second, int secondPercent) {
        return List.of(new PayerShare(first, BigDecimal.valueOf(firstPercent)),
                new PayerShare(second, BigDecimal.valueOf(secondPercent)));
    }
}
