package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.pdf.PdfDocuments;

/** The Chinese wording the policy documents (保险单, 缴费通知单) share: dates, payers, parties, amounts. */
final class DocumentText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(LiftCareTime.ZONE);

    private DocumentText() {
    }

    static String day(LocalDate day) {
        return day == null ? "—" : DAY.format(day);
    }

    static String minute(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }

    /** A half-open term [start, end) as a policy states it: its last day is the day before {@code end}. */
    static String term(LocalDate start, LocalDate end) {
        return "自 " + day(start) + "零时起至 " + day(end.minusDays(1)) + "二十四时止";
    }

    /** Cover dates of a schedule line, [from, to), as first and last day; none when it never started. */
    static String cover(LocalDate from, LocalDate to) {
        return to.isAfter(from) ? from + " 至 " + to.minusDays(1) : "未生效";
    }

    static String amount(Money money) {
        return PdfDocuments.amount(money);
    }

    /** Whole yuan without decimals (300, 150,000), otherwise with them. */
    static String yuan(Money money) {
        return money.amount().stripTrailingZeros().scale() <= 0
                ? amount(money).substring(0, amount(money).length() - 3) : amount(money);
    }

    /** A share such as 0.20 as "20%". */
    static String share(BigDecimal share) {
        return percent(share.movePointRight(2));
    }

    /** A percentage such as 30 or 12.5 as "30%", "12.5%". */
    static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    static String payer(PayerSource payer) {
        return switch (payer) {
            case MAINTENANCE_FUND -> "住宅专项维修资金";
            case COMMON_INCOME -> "小区公共收益";
            case PROPERTY_COMPANY -> "物业服务企业";
            case SUBSIDY -> "政府补贴";
        };
    }

    static String party(PartyRole role) {
        return switch (role) {
            case USE_UNIT -> "甲方（使用单位）";
            case INSURER -> "乙方（保险人）";
            case MAINTENANCE_COMPANY -> "丙方（维保单位）";
        };
    }

    static String status(PolicyStatus status) {
        return switch (status) {
            case QUOTED -> "报价中";
            case BOUND -> "已签约";
            case ISSUED -> "已出单";
            case CANCELLED -> "已退保";
            case LAPSED -> "已失效";
        };
    }
}
