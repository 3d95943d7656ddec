package cn.liftcare.policies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.pdf.PdfDocuments;
import cn.liftcare.shared.pdf.PdfDocuments.Column;

import static cn.liftcare.policies.DocumentText.amount;
import static cn.liftcare.policies.DocumentText.day;
import static cn.liftcare.policies.DocumentText.yuan;

/**
 * The policy certificate (保险单): an issued policy as an A4 PDF in Chinese, under the product version it was
 * written under. The parties, the term, the sections with their limits, the exclusions, the pension share
 * schedule, the schedule of elevators with each one's premium calculation component by component, the payers
 * and their instalments, the clauses in short, and the three parties' acceptance of the terms' hash.
 * A policy not yet issued has none.
 */
@Component
public class PolicyCertificate {

    private final PolicyQueries queries;
    private final Policies policies;
    private final Products products;
    private final RateTables rates;
    private final OrganizationDirectory organizations;
    private final MessageSource messages;
    private final LiftCareTime time;

    PolicyCertificate(PolicyQueries queries, Policies policies, Products products, RateTables rates,
            OrganizationDirectory organizations, MessageSource messages, LiftCareTime time) {
        this.queries = queries;
        this.policies = policies;
        this.products = products;
        this.rates = rates;
        this.organizations = organizations;
        this.messages = messages;
        this.time = time;
    }

    /** The certificate of a policy in the caller's scope; not found outside it, refused before issue. */
    public PdfFile render(Scope scope, PolicyId id) {
        PolicyQueries.PolicyDetails details = queries.details(scope, id)
                .orElseThrow(() -> new NotFoundException("policy", id.value()));
        PolicyView view = details.policy();
        if (view.issuedOn() == null) {
            throw new RuleViolationException("policy-not-issued", "policy.notIssued", view.status().name())
                    .with("policyStatus", view.status().name());
        }
        Policy policy = policies.findById(id).orElseThrow(() -> new NotFoundException("policy", id.value()));
        Product product = products.version(policy.productVersion());
        Set<OrganizationId> ids = new HashSet<>();
        policy.parties().forEach(p -> ids.add(p.orgId()));
        Map<OrganizationId, OrganizationView> orgs = organizations.byIds(ids);

        PdfDocuments.Builder pdf = PdfDocuments.a4(time.now()).title(product.nameZh() + " 保险单");
        pdf.keyValues(summary(details, policy, product, orgs));
        sections(pdf, product);
        pension(pdf, product);
        schedule(pdf, details);
        calculations(pdf, details);
        payers(pdf, policy, product);
        endorsements(pdf, details);
        clauses(pdf, policy, product);
        acceptance(pdf, details, orgs);
        return new PdfFile("policy-" + view.number() + ".pdf", pdf.toBytes());
    }

    private Map<String, Object> summary(PolicyQueries.PolicyDetails details, Policy policy, Product product,
            Map<OrganizationId, OrganizationView> orgs) {
        PolicyView view = details.policy();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("保单号", view.number());
        rows.put("保险产品", product.nameZh() + "（产品版本 " + view.productVersion() + "，费率版本 "
                + view.rateVersion() + "）");
        rows.put("签发日期", day(view.issuedOn()));
        rows.put("保单状态", DocumentText.status(view.status()) + (view.endedOn() == null ? ""
                : "，自 " + day(view.endedOn()) + "起终止" + (view.endReason() == null ? "" : "（" + view.endReason() + "）")));
        if (policy.renewalOf() != null) {
            rows.put("续保自", policies.findById(policy.renewalOf()).map(Policy::number).orElse("—"));
        }
        rows.put("投保人（甲方）", fullName(orgs, policy.useUnitId()));
        rows.put("保险人（乙方）", fullName(orgs, policy.insurerId()));
        rows.put("维保单位（丙方）", policy.parties().stream().filter(p -> p.role() == PartyRole.MAINTENANCE_COMPANY)
                .map(p -> fullName(orgs, p.orgId())).sorted().collect(Collectors.joining("；")));
        rows.put("小区", details.communityName());
        rows.put("保险期间", DocumentText.term(view.termStart(), view.termEnd()));
        rows.put("承保电梯", details.schedule().size() + " 台");
        rows.put("年保险费合计（元）", amount(details.annualPremium()));
        rows.put("每梯年度累计限额（元）", amount(product.perElevatorAnnualLimit()));
        return rows;
    }

    private static void sections(PdfDocuments.Builder pdf, Product product) {
        List<List<?>> rows = new ArrayList<>();
        for (Product.Section s : product.sections()) {
            rows.add(List.of(sectionName(s), s.annualLimit() == null ? "受每梯年度累计限额约束" : s.annualLimit(),
                    s.deductible() == null ? Money.ZERO : s.deductible(), s.fixedPayment() == null ? "—" : s.fixedPayment(),
                    s.exclusions().isEmpty() ? "—" : s.exclusions().stream().sorted()
                            .map(e -> String.valueOf(e.ordinal() + 1)).collect(Collectors.joining("、"))));
        }
        pdf.heading("保障项目（金额单位：元）")
                .table(List.of(Column.text("保障项目", 2.6f), Column.amount("每梯年度限额", 1.3f),
                        Column.amount("免赔额", 0.9f), Column.amount("定额给付", 0.9f),
                        Column.text("除外责任（见下）", 1.1f)), rows)
                .heading("除外责任");
        for (Product.Exclusion e : Product.Exclusion.values()) {
            pdf.paragraph((e.ordinal() + 1) + ". " + exclusion(e));
        }
    }

    static String sectionName(Product.Section section) {
        return switch (section.code()) {
            case MAINTENANCE_FEE -> "维保服务费（按维保质量考核结果支付丙方）";
            case PARTS -> "配件维修更换";
            case INSPECTION -> "定期检验与自检费";
            case LIABILITY -> "人身伤害责任（含困人定额给付 "
                    + (section.fixedPayment() == null ? "—" : yuan(section.fixedPayment())) + " 元/次）";
            case PENSION -> "养老（大修/整梯更新分担）";
        };
    }

    static String exclusion(Product.Exclusion exclusion) {
        return switch (exclusion) {
            case VANDALISM -> "人为故意破坏或不当使用造成的损失";
            case NATURAL_CATASTROPHE -> "地震、洪水、台风等自然灾害造成的损失";
            case CONSUMABLES -> "照明灯具、按钮等易耗品的正常损耗";
            case PRE_EXISTING_DEFECT -> "投保前已存在、风险查勘时已知的缺陷";
            case MANUFACTURER_WARRANTY -> "制造商质保期内应由制造商承担的维修更换";
        };
    }

    private static void pension(PdfDocuments.Builder pdf, Product product) {
        List<Product.Pension.Step> steps = product.pension().schedule();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int from = steps.get(i).fromYears();
            String years = i + 1 < steps.size() ? from + "～" + (steps.get(i + 1).fromYears() - 1) + " 年"
                    : from + " 年及以上";
            rows.add(List.of(years, DocumentText.share(steps.get(i).share())));
        }
        pdf.heading("养老分担：连续投保年限 → 分担比例")
                .table(List.of(Column.text("连续投保年限", 2), Column.amount("保险人分担比例", 1)), rows);
        String caps = product.pension().caps().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> cap(c.getKey()) + "每梯最高 " + amount(c.getValue()) + " 元")
                .collect(Collectors.joining("；"));
        pdf.paragraph("分担上限：" + caps + "。电梯大修或整梯更新时，保险人按该梯连续投保年限对应的比例分担费用。");
    }

    private static String cap(String kind) {
        return switch (kind) {
            case "WHOLE_REPLACEMENT" -> "整梯更新";
            case "MAJOR_COMPONENT" -> "主要部件大修";
            default -> kind;
        };
    }

    private static void schedule(PdfDocuments.Builder pdf, PolicyQueries.PolicyDetails details) {
        List<List<?>> rows = new ArrayList<>();
        Money premium = Money.ZERO;
        Money pension = Money.ZERO;
        Money subsidy = Money.ZERO;
        int n = 0;
        for (PolicyQueries.ScheduleLine line : details.schedule()) {
            rows.add(List.of(++n, line.registrationCode(), Objects.toString(line.maintenanceCompanyName(), "—"),
                    period(line, details.policy()), line.continuousYears(), line.annualPremium(),
                    line.pensionContribution(), line.subsidy()));
            premium = premium.plus(line.annualPremium());
            pension = pension.plus(line.pensionContribution());
            subsidy = subsidy.plus(line.subsidy());
        }
        rows.add(List.of("", "合计", "", "", "", premium, pension, subsidy));
        pdf.heading("承保电梯清单（金额单位：元）")
                .table(List.of(Column.text("序号", 0.4f), Column.text("注册代码", 2.4f), Column.text("维保单位", 1.1f),
                        Column.text("保障期间", 1.3f), Column.amount("连续年限", 0.7f),
                        Column.amount("年保费", 1.0f), Column.amount("其中养老储备", 1.0f),
                        Column.amount("补贴", 0.8f)), rows);
    }

    /** "全期" for cover over the whole term, otherwise its first and last day. */
    private static String period(PolicyQueries.ScheduleLine line, PolicyView policy) {
        return line.coverFrom().equals(policy.termStart()) && line.coverTo().equals(policy.termEnd()) ? "全期"
                : DocumentText.cover(line.coverFrom(), line.coverTo());
    }

    /** Each elevator's premium, component by component, as the quote computed it. */
    private void calculations(PdfDocuments.Builder pdf, PolicyQueries.PolicyDetails details) {
        List<List<?>> rows = new ArrayList<>();
        for (PolicyQueries.ScheduleLine line : details.schedule()) {
            Quoting.ElevatorQuote calculation = line.calculation();
            Quote quote = calculation.quote();
            rows.add(List.of(line.registrationCode(), "评级因素", facts(calculation.facts()), ""));
            for (Quote.Component c : quote.components()) {
                rows.add(List.of("", label(c.key()), c.basis(), c.amount()));
            }
            rows.add(List.of("", "经验调整", "小计 " + amount(quote.subtotal()) + " × (系数 "
                    + quote.experienceFactor().stripTrailingZeros().toPlainString() + " - 1)", quote.experienceAdjustment()));
            rows.add(List.of("", "附加费用", "(小计 + 经验调整) × " + loading(quote), quote.loading()));
            rows.add(List.of("", "年保费", "各项之和", quote.total()));
        }
        pdf.heading("各梯保费计算（金额单位：元）")
                .table(List.of(Column.text("电梯注册代码", 1.9f), Column.text("项目", 1.3f), Column.text("计算依据", 3.2f),
                        Column.amount("金额", 1.1f)), rows);
    }

    private String facts(RatingFacts facts) {
        return label("enum.ElevatorType." + facts.type()) + "，梯龄 " + facts.ageYears() + " 年，" + facts.brand() + "，"
                + facts.stops() + " 层站，" + label("enum.UseCategory." + facts.useCategory()) + "，近三年故障 "
                + (facts.faultsPerYear() == null ? "无记录"
                        : facts.faultsPerYear().stripTrailingZeros().toPlainString() + " 次/梯年")
                + (facts.qualityGrade() == null ? "" : "，维保质量等级 " + facts.qualityGrade());
    }

    private String loading(Quote quote) {
        try {
            return DocumentText.share(rates.version(quote.rateVersion()).loading());
        }
        catch (IllegalStateException unknownVersion) {
            return "附加费率";
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** The payers' shares of the year's premium, and the instalments each was billed in when issued. */
    private static void payers(PdfDocuments.Builder pdf, Policy policy, Product product) {
        List<InsuredElevator> year = policy.elevators().stream().filter(e -> e.coverFrom().equals(policy.termStart()))
                .map(e -> new InsuredElevator(e.elevatorId(), e.registrationCode(), e.maintenanceCompanyId(),
                        e.annualPremium(), e.pensionContribution(), e.subsidy(), e.calculation(), e.coverFrom(),
                        policy.termEnd()))
                .toList();
        Billing.Amounts amounts = Billing.amounts(policy, year, policy.termStart());
        Map<PayerSource, BigDecimal> percent = new LinkedHashMap<>();
        policy.payers().forEach(p -> percent.put(p.source(), p.percent()));
        Product.Subsidy subsidy = product.subsidy();
        List<List<?>> rows = new ArrayList<>();
        PayerSplit.split(amounts.premium(), amounts.subsidy(), policy.payers()).forEach((payer, part) -> {
            String share = payer == PayerSource.SUBSIDY ? "保费的 " + DocumentText.share(subsidy.share()) + "，每梯最高 "
                    + yuan(subsidy.capPerElevator()) + " 元" + (subsidy.monitoredOnly() ? "（限装有监测装置的电梯）" : "")
                    : "余额的 " + DocumentText.percent(percent.get(payer));
            String plan = Instalments.split(part, policy.instalments(), policy.termStart()).stream()
                    .map(i -> "第 " + i.number() + " 期 " + (i.dueOn().isAfter(policy.issuedOn()) ? i.dueOn()
                            : policy.issuedOn().plusDays(Billing.DAYS_TO_PAY)) + " 前 " + amount(i.amount()))
                    .collect(Collectors.joining("；"));
            rows.add(List.of(DocumentText.payer(payer), share, part, plan));
        });
        pdf.heading("缴费方与分期（共 " + policy.instalments() + " 期，金额单位：元）")
                .table(List.of(Column.text("缴费方", 1.6f), Column.text("分担", 1.6f), Column.amount("金额", 1.1f),
                        Column.text("分期及缴费期限", 3.1f)), rows);
    }

    private static void endorsements(PdfDocuments.Builder pdf, PolicyQueries.PolicyDetails details) {
        if (details.endorsements().isEmpty()) {
            return;
        }
        List<List<Object>> rows = details.endorsements().stream().map(e -> List.<Object>of(e.effectiveOn(),
                "ADD".equals(e.kind()) ? "批增" : "批减", e.elevatorIds().size() + " 台", e.premium(),
                e.reason() == null ? "" : e.reason())).toList();
        pdf.heading("批改记录（金额单位：元）")
                .table(List.of(Column.text("生效日期", 1.2f), Column.text("类型", 0.7f), Column.text("电梯", 0.7f),
                        Column.amount("保费（按日计）", 1.4f), Column.text("原因", 2.5f)), rows);
    }

    private static void clauses(PdfDocuments.Builder pdf, Policy policy, Product product) {
        pdf.heading("主要条款（摘要）")
                .paragraph("1. 承保前每台电梯须经风险查勘合格（需整改的，经技术监督确认整改后视为合格），三方方可签约，"
                        + "保险人方可出单。")
                .paragraph("2. 养老分担比例按每台电梯的连续投保年限确定：按期续保，年限连续累计；保障中断（脱保）的，"
                        + "连续投保年限自重新投保之日起重新计算。本产品约定承诺投保期 " + product.commitmentYears() + " 年。")
                .paragraph("3. 保险费按上表分期缴纳。任一期逾期未缴的，给予 " + policy.graceDays() + " 日宽限期；"
                        + "宽限期满仍未缴纳的，保单失效，未到期保险费按日退还。")
                .paragraph("4. 维保服务费由保险人按丙方的维保质量考核结果支付；配件维修更换经定损后由保险人直接支付，"
                        + "每梯每年累计不超过 " + amount(product.perElevatorAnnualLimit()) + " 元。")
                .paragraph("5. 保险期间内可批增或批减电梯，保险费按实际保障天数计算；退保的，未到期保险费按日退还。");
    }

    private static void acceptance(PdfDocuments.Builder pdf, PolicyQueries.PolicyDetails details,
            Map<OrganizationId, OrganizationView> orgs) {
        List<List<Object>> rows = details.parties().stream().map(p -> List.<Object>of(DocumentText.party(p.role()),
                fullName(orgs, new OrganizationId(p.orgId())), DocumentText.minute(p.acceptedAt()))).toList();
        pdf.heading("三方确认")
                .paragraph("本合同经甲方（使用单位）、乙方（保险人）、丙方（维保单位）三方确认接受，各方接受时间如下：")
                .table(List.of(Column.text("当事方", 1.6f), Column.text("名称", 3.2f), Column.text("接受时间", 1.4f)), rows);
        Set<String> accepted = details.parties().stream().map(PolicyQueries.PartyRow::termsHash)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        pdf.paragraph("三方接受的条款哈希（SHA-256）：").paragraph(String.join("\n", accepted));
        if (!accepted.contains(details.termsHash())) {
            pdf.paragraph("本保单出单后经批改，现行条款哈希：").paragraph(details.termsHash());
        }
    }

    private static String fullName(Map<OrganizationId, OrganizationView> orgs, OrganizationId id) {
        OrganizationView org = orgs.get(id);
        return org == null ? "—" : org.name();
    }
}
