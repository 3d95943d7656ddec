package cn.liftcare.policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.pdf.PdfDocuments;
import cn.liftcare.shared.pdf.PdfDocuments.Column;

import static cn.liftcare.policies.DocumentText.amount;
import static cn.liftcare.policies.DocumentText.day;

/**
 * An invoice as an A4 PDF in Chinese: the premium notice (保费缴费通知单) or the credit note (退费通知单), with
 * what has been settled against it. It names the insurer and its phone from the organisation directory; it
 * carries no bank details, which the platform does not hold.
 */
@Component
public class InvoiceNotice {

    private final Billing billing;
    private final Policies policies;
    private final OrganizationDirectory organizations;
    private final ElevatorQueries elevators;
    private final LiftCareTime time;

    InvoiceNotice(Billing billing, Policies policies, OrganizationDirectory organizations, ElevatorQueries elevators,
            LiftCareTime time) {
        this.billing = billing;
        this.policies = policies;
        this.organizations = organizations;
        this.elevators = elevators;
        this.time = time;
    }

    /** The notice of an invoice in the caller's scope; not found outside it. */
    public PdfFile render(Scope scope, long invoiceId) {
        InvoiceView invoice = billing.find(scope, invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        List<PaymentView> payments = billing.payments(scope, invoiceId);
        Policy policy = policies.findById(new PolicyId(invoice.policyId())).orElseThrow();
        OrganizationId insurerId = new OrganizationId(invoice.insurerId());
        OrganizationId useUnitId = new OrganizationId(invoice.useUnitId());
        Map<OrganizationId, OrganizationView> orgs = organizations.byIds(List.of(insurerId, useUnitId));
        OrganizationView insurer = orgs.get(insurerId);
        boolean credit = invoice.kind() == InvoiceKind.CREDIT;

        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put(credit ? "退费通知单号" : "缴费通知单号", invoice.number());
        rows.put("类型", kind(invoice, policy.instalments()));
        rows.put("保单号", invoice.policyNumber());
        rows.put(credit ? "退费对象" : "缴费方", DocumentText.payer(invoice.payer()));
        rows.put("投保人（使用单位）", name(orgs.get(useUnitId)));
        rows.put("小区", elevators.communityNames(List.of(invoice.communityId())).get(invoice.communityId()));
        rows.put("保险人", name(insurer));
        rows.put("保险人电话", insurer == null || insurer.phone() == null ? "—" : insurer.phone());
        rows.put("保险期间", DocumentText.term(policy.termStart(), policy.termEnd()));
        rows.put("开具日期", day(invoice.issuedOn()));
        rows.put(credit ? "退费日期" : "缴费期限", day(invoice.dueOn()));
        rows.put(credit ? "退费金额（元）" : "应缴金额（元）", amount(abs(invoice.amount())));
        rows.put(credit ? "已退（元）" : "已缴（元）", amount(invoice.settled()));
        rows.put(credit ? "待退（元）" : "未缴（元）", amount(abs(invoice.outstanding())));
        rows.put("状态", state(invoice.state()));

        PdfDocuments.Builder pdf = PdfDocuments.a4(time.now()).title(credit ? "电梯养老综合保险 退费通知单"
                : "电梯养老综合保险 保费缴费通知单");
        pdf.keyValues(rows);
        pdf.heading(credit ? "退费记录" : "缴费记录");
        if (payments.isEmpty()) {
            pdf.paragraph("尚无记录。");
        }
        else {
            pdf.table(List.of(Column.text("日期", 1.2f), Column.amount("金额（元）", 1.2f), Column.text("凭证/备注", 2.4f),
                    Column.text("登记时间", 1.5f)), payments.stream().map(p -> List.<Object>of(p.paidOn(), p.amount(),
                            p.reference() == null ? "" : p.reference(), DocumentText.minute(p.recordedAt()))).toList());
        }
        String phone = insurer == null || insurer.phone() == null ? "" : "（电话 " + insurer.phone() + "）";
        pdf.paragraph(credit
                ? "上述未到期保险费由保险人" + name(insurer) + "退还" + DocumentText.payer(invoice.payer())
                        + "；如有疑问，请联系保险人" + phone + "。"
                : "请于缴费期限前向保险人" + name(insurer) + "缴纳，缴费方式以保险人通知为准；如有疑问，请联系保险人" + phone
                        + "。逾期未缴的，给予 " + policy.graceDays() + " 日宽限期；宽限期满仍未缴纳的，保单失效。");
        return new PdfFile("invoice-" + invoice.number() + ".pdf", pdf.toBytes());
    }

    private static String kind(InvoiceView invoice, int instalments) {
        return switch (invoice.kind()) {
            case PREMIUM -> "保险费（第 " + invoice.instalment() + " 期，共 " + instalments + " 期）";
            case ENDORSEMENT -> "批增保险费";
            case CREDIT -> "退还未到期保险费";
        };
    }

    private static String state(InvoiceView.State state) {
        return switch (state) {
            case OPEN -> "待缴";
            case OVERDUE -> "已逾期";
            case PAID -> "已缴清";
            case REFUND_DUE -> "待退费";
            case REFUNDED -> "已退费";
        };
    }

    private static Money abs(Money money) {
        return money.signum() < 0 ? money.negate() : money;
    }

    private static String name(OrganizationView org) {
        return org == null ? "—" : org.name();
    }
}
