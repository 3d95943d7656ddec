package cn.liftcare.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.liftcare.incidents.RepairPart;
import cn.liftcare.shared.Money;

/**
 * Loss assessment (定损): each rule gives a named finding with its evidence, and the findings decide. Any
 * DECLINE declines; else any REFER sends the claim to a person; else it is approved for the assessed amount.
 * Pure: the same facts and rules always give the same result.
 */
public final class Assessment {

    private Assessment() {
    }

    public record Result(Finding.Result outcome, Money claimed, Money assessed, List<Money> allowed,
            List<Finding> findings) {
    }

    public static Result assess(ClaimRules rules, ClaimFacts facts) {
        List<Finding> findings = new ArrayList<>();
        ClaimFacts.Cover cover = facts.cover();
        boolean entrapment = facts.source() == ClaimSource.ENTRAPMENT;
        Money labourClaimed = rules.labourRatePerHour().times(facts.labourHours());
        Money claimed = entrapment && cover != null && cover.fixedPayment() != null ? cover.fixedPayment()
                : facts.lines().stream().map(l -> l.unitPrice().times(BigDecimal.valueOf(l.quantity())))
                        .reduce(Money.ZERO, Money::plus).plus(labourClaimed);

        cover(rules, facts, findings);
        List<Money> allowed = new ArrayList<>();
        Money subtotal;
        if (entrapment) {
            subtotal = cover == null || cover.fixedPayment() == null ? Money.ZERO : cover.fixedPayment();
        }
        else {
            subtotal = prices(rules, facts, findings, allowed).plus(labour(rules, facts, findings));
            frequency(rules, facts, findings);
        }
        evidence(facts, findings);
        if (!facts.duplicates().isEmpty()) {
            findings.add(new Finding("duplicate", Finding.Result.REFER, "同一电梯同一部件日期重叠的赔案 / overlapping claims",
                    String.join(", ", facts.duplicates())));
        }
        Money assessed = money(facts, subtotal, findings);
        Finding.Result outcome = findings.stream().anyMatch(f -> f.result() == Finding.Result.DECLINE)
                ? Finding.Result.DECLINE
                : findings.stream().anyMatch(f -> f.result() == Finding.Result.REFER) ? Finding.Result.REFER
                        : Finding.Result.PASS;
        return new Result(outcome, claimed, assessed, allowed, findings);
    }

    private static void cover(ClaimRules rules, ClaimFacts facts, List<Finding> findings) {
        ClaimFacts.Cover cover = facts.cover();
        if (cover == null) {
            findings.add(new Finding("cover.policy", Finding.Result.DECLINE, "出险日无有效保单 / no policy in force on "
                    + facts.lossDate(), null));
            return;
        }
        String policy = "policy:" + cover.policyId();
        if (!cover.sectionCovered()) {
            findings.add(new Finding("cover.section", Finding.Result.DECLINE, "保单不含该保障项目 / section "
                    + facts.section() + " not covered", policy));
            return;
        }
        String excluded = switch (facts.cause()) {
            case VANDALISM, NATURAL_CATASTROPHE, PRE_EXISTING_DEFECT -> facts.cause().name();
            default -> null;
        };
        if (excluded != null && cover.exclusions().contains(excluded)) {
            findings.add(new Finding("cover.exclusion", Finding.Result.DECLINE, "除外责任 / excluded: " + excluded, policy));
            return;
        }
        if (facts.commissioned() != null && cover.exclusions().contains("MANUFACTURER_WARRANTY")
                && facts.lossDate().isBefore(facts.commissioned().plusYears(rules.warrantyYears()))) {
            findings.add(new Finding("cover.warranty", Finding.Result.DECLINE, "在制造单位质保期内 / under the maker's "
                    + rules.warrantyYears() + "-year warranty from " + facts.commissioned(), policy));
            return;
        }
        findings.add(Finding.pass("cover.policy", "保单 " + cover.policyNumber() + " 有效 / in force, product "
                + cover.productVersion(), policy));
    }

    private static Money prices(ClaimRules rules, ClaimFacts facts, List<Finding> findings, List<Money> allowed) {
        Money total = Money.ZERO;
        boolean consumablesExcluded = facts.cover() != null && facts.cover().exclusions().contains("CONSUMABLES");
        BigDecimal cap = BigDecimal.ONE.add(rules.priceTolerance());
        BigDecimal refer = BigDecimal.ONE.add(rules.priceReferAbove());
        for (ClaimFacts.Line line : facts.lines()) {
            BigDecimal qty = BigDecimal.valueOf(line.quantity());
            Money asked = line.unitPrice().times(qty);
            Money lineAllowed;
            if ("CONSUMABLE".equals(line.category()) && consumablesExcluded) {
                lineAllowed = Money.ZERO;
                findings.add(new Finding("cover.consumable", Finding.Result.CAP, line.partCode()
                        + " 属耗材，由维保费承担 / a consumable, paid by the maintenance fee", "part:" + line.partCode()));
            }
            else {
                BigDecimal ratio = line.unitPrice().amount().divide(line.guidePrice().amount(), 4, RoundingMode.HALF_UP);
                String detail = line.partCode() + " " + line.unitPrice() + " / 指导价 guide " + line.guidePrice() + " = "
                        + ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
                BigDecimal guide = line.guidePrice().amount();
                if (line.unitPrice().amount().compareTo(guide.multiply(cap)) <= 0) {
                    lineAllowed = asked;
                    findings.add(Finding.pass("price", detail, "part:" + line.partCode()));
                }
                else {
                    lineAllowed = line.guidePrice().times(qty);
                    boolean capped = line.unitPrice().amount().compareTo(guide.multiply(refer)) <= 0;
                    findings.add(new Finding("price", capped ? Finding.Result.CAP : Finding.Result.REFER,
                            detail + (capped ? "，按指导价核定 / capped at the guide price"
                                    : "，远高于指导价 / far above the guide price"), "part:" + line.partCode()));
                }
            }
            allowed.add(lineAllowed);
            total = total.plus(lineAllowed);
        }
        return total;
    }

    private static Money labour(ClaimRules rules, ClaimFacts facts, List<Finding> findings) {
        BigDecimal norm = facts.lines().stream().filter(l -> !"CONSUMABLE".equals(l.category()))
                .map(l -> l.labourNorm().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hours = facts.labourHours();
        BigDecimal ceiling = norm.multiply(BigDecimal.ONE.add(rules.labourTolerance()));
        String detail = hours.stripTrailingZeros().toPlainString() + " h / 定额 norm "
                + norm.stripTrailingZeros().toPlainString() + " h × " + rules.labourRatePerHour();
        if (hours.compareTo(ceiling) <= 0) {
            findings.add(Finding.pass("labour", detail, null));
            return rules.labourRatePerHour().times(hours);
        }
        findings.add(new Finding("labour", Finding.Result.CAP, detail + "，按定额核定 / capped at the norm", null));
        return rules.labourRatePerHour().times(norm);
    }

    private static void frequency(ClaimRules rules, ClaimFacts facts, List<Finding> findings) {
        for (ClaimFacts.Line line : facts.lines()) {
            if (line.action() != RepairPart.Action.REPLACE || line.lastReplacedOn() == null) {
                continue;
            }
            long soonest = Math.round(line.expectedLifeYears() * 365.0 * rules.frequencyLifeShare().doubleValue());
            if (facts.lossDate().isBefore(line.lastReplacedOn().plusDays(soonest))) {
                findings.add(new Finding("frequency", Finding.Result.REFER, line.partCode() + " 上次更换 "
                        + line.lastReplacedOn() + "，寿命 " + line.expectedLifeYears() + " 年 / replaced again well inside its life",
                        line.lastClaim()));
            }
        }
    }

    private static void evidence(ClaimFacts facts, List<Finding> findings) {
        ClaimFacts.Evidence e = facts.evidence();
        if (e.link() == null) {
            findings.add(new Finding("evidence.link", Finding.Result.REFER,
                    "未关联故障事件或维保异常项 / linked to no incident or maintenance item", null));
        }
        else {
            findings.add(Finding.pass("evidence.link", "关联 / linked to " + e.link(), e.link()));
        }
        findings.add(e.checkedIn() ? Finding.pass("evidence.checkIn", "现场签到已核验 / on-site check-in verified", e.link())
                : new Finding("evidence.checkIn", Finding.Result.REFER, "无现场签到 / no verified check-in on site", e.link()));
        if (facts.source() != ClaimSource.ENTRAPMENT) {
            findings.add(e.beforePhoto() && e.afterPhoto()
                    ? Finding.pass("evidence.photos", "维修前后照片齐全 / before and after photos", e.link())
                    : new Finding("evidence.photos", Finding.Result.REFER, "缺少维修前或维修后照片 / a before or after photo is missing",
                            e.link()));
        }
    }

    private static Money money(ClaimFacts facts, Money subtotal, List<Finding> findings) {
        ClaimFacts.Cover cover = facts.cover();
        if (cover == null || !cover.sectionCovered()) {
            return Money.ZERO;
        }
        Money afterDeductible = subtotal.minus(cover.deductible()).max(Money.ZERO);
        Money assessed = afterDeductible;
        StringBuilder detail = new StringBuilder("核定 ").append(subtotal).append(" − 免赔 ").append(cover.deductible());
        if (cover.sectionLimit() != null) {
            Money left = cover.sectionLimit().minus(cover.sectionUsed()).max(Money.ZERO);
            if (assessed.isGreaterThan(left)) {
                assessed = left;
                detail.append("；项目年度限额余 ").append(left);
            }
        }
        Money elevatorLeft = cover.elevatorLimit().minus(cover.elevatorUsed()).max(Money.ZERO);
        if (assessed.isGreaterThan(elevatorLeft)) {
            assessed = elevatorLeft;
            detail.append("；单梯年度限额余 ").append(elevatorLeft);
        }
        detail.append(" = ").append(assessed);
        if (assessed.signum() == 0) {
            findings.add(new Finding("money", Finding.Result.DECLINE, detail + " / nothing payable", null));
        }
        else {
            findings.add(new Finding("money", assessed.compareTo(afterDeductible) < 0 ? Finding.Result.CAP
                    : Finding.Result.PASS, detail.toString(), null));
        }
        return assessed;
    }
}
