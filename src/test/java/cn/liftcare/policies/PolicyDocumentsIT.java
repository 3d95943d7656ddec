package cn.liftcare.policies;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.NewUser;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserManagement;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.pdf.PdfDocuments;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The policy certificate and the invoice notices, downloaded through the API and read back with PDFBox: the
 * Chinese text is there, the fonts are embedded, and each document is scoped exactly like its JSON.
 */
@LiftCareTest
class PolicyDocumentsIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PolicyWork work;
    @Autowired SurveyWork surveys;
    @Autowired Billing billing;
    @Autowired PolicyQueries queries;
    @Autowired UserManagement userManagement;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    Scope insurer;
    Scope supervisor;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        insurer = fx.user("insurer");
        supervisor = fx.user("supervisor");
        today = time.today();
        DemoData demo = new DemoData(jdbc);
        // an underwriter of the other insurer, and a manager of 恒安电梯 (丙方 of the policies below)
        account("pdfpicc", demo.organization("人保财险"), Role.UNDERWRITER);
        account("pdfhengan", demo.organization("恒安电梯"), Role.MAINTENANCE_MANAGER);
    }

    void account(String username, long org, Role role) {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class)
                .single() == 0) {
            userManagement.open(new NewUser(new OrganizationId(org), username, username, "liftcare-" + username, null,
                    Set.of(role)));
        }
    }

    /**
     * Elevators of 小河佳苑 that 恒安电梯 maintains, so 运河电梯 (mcmanager) is no party. The demo insures the whole
     * estate, so these are insured for the next term: from the day their cover ends ({@link #start}), which no
     * policy has yet reached.
     */
    List<Long> hengAn(int n) {
        start = jdbc.sql("""
                SELECT max(pe.cover_to) FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                JOIN community c ON c.id = p.community_id
                WHERE c.name = '小河佳苑' AND p.issued_on IS NOT NULL AND p.renewal_of IS NOT NULL""")
                .query(LocalDate.class).optional().orElse(today);
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '恒安电梯' AND e.status = 'IN_SERVICE' AND e.type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id AND pe.cover_to > :start)
                ORDER BY e.id DESC LIMIT :n""").param("start", start).param("n", n).query(Long.class).list();
    }

    /** The term start of the policies these tests write: the day 小河佳苑's demo cover ends. */
    LocalDate start;

    PolicyView quoted(List<Long> elevators, int instalments) {
        return work.quote(insurer, new PolicyWork.NewPolicy(elevators, start == null ? today : start, instalments,
                PolicyFixtures.fundAndIncome(), null));
    }

    PolicyView issued(List<Long> elevators, int instalments) {
        PolicyView quoted = quoted(elevators, instalments);
        elevators.forEach(e -> surveys.record(supervisor, PolicyFixtures.pass(e, today)));
        PolicyId id = new PolicyId(quoted.id());
        work.accept(fx.actingFor(fx.useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER), id);
        for (long company : fx.companiesOf(elevators)) {
            work.accept(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER), id);
        }
        work.accept(insurer, id);
        return work.issue(insurer, id, today);
    }

    MockHttpServletResponse download(String path, String user) throws Exception {
        return mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text without any white space, so a name wrapped across two lines of a cell still matches. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    String fullName(long org) {
        return jdbc.sql("SELECT name FROM organization WHERE id = :id").param("id", org).query(String.class).single();
    }

    @Test
    void theCertificateStatesThePolicyInChineseWithEachPremiumCalculatedComponentByComponent() throws Exception {
        List<Long> elevators = hengAn(2);
        PolicyView policy = issued(elevators, 4);
        String path = "/api/v1/policies/" + policy.id() + "/certificate.pdf";

        MockHttpServletResponse response = download(path, "insurer");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline")
                .contains("policy-" + policy.number() + ".pdf");
        byte[] pdf = response.getContentAsByteArray();
        String text = text(pdf);

        PolicyQueries.PolicyDetails details = queries.details(insurer, new PolicyId(policy.id())).orElseThrow();
        Money premium = policy.elevators().stream().map(PolicyView.Line::annualPremium).reduce(Money.ZERO, Money::plus);
        String flat = squeezed(text);
        assertThat(text).contains("电梯养老综合保险 保险单", policy.number(), details.communityName(),
                "维保服务费", "配件维修更换", "定期检验与自检费", "人身伤害责任", "连续投保",
                "自 " + DocumentText.day(policy.termStart()) + "零时起至 " + DocumentText.day(policy.termEnd().minusDays(1))
                        + "二十四时止",
                PdfDocuments.amount(premium), "维保费（预期）", "经验调整", "附加费用", "住宅专项维修资金", "第 4 期",
                "三方确认", details.termsHash());
        for (PolicyView.Line line : policy.elevators()) {
            assertThat(flat).contains(line.registrationCode(), PdfDocuments.amount(line.annualPremium()));
        }
        assertThat(flat).contains(squeezed(fullName(policy.insurerId())), squeezed(fullName(policy.useUnitId())),
                squeezed(fullName(fx.companiesOf(elevators).get(0))));
        assertThat(premium.amount()).isEqualByComparingTo(details.annualPremium().amount());
        assertThat(details.parties()).as("the three parties accepted the same terms").allSatisfy(
                p -> assertThat(p.termsHash()).isEqualTo(details.termsHash()));
        assertThat(text).doesNotContain("现行条款哈希");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("电梯养老综合保险 保险单");
        }

        // scoped exactly like GET /api/v1/policies/{id}
        for (String user : List.of("insurer", "regulator", "property", "owners", "pdfhengan")) {
            assertThat(download(path, user).getStatus()).as(user).isEqualTo(200);
        }
        for (String user : List.of("pdfpicc", "mcmanager")) {
            assertThat(download(path, user).getStatus()).as(user).isEqualTo(404);
            assertThat(download("/api/v1/policies/" + policy.id(), user).getStatus()).as(user).isEqualTo(404);
        }
        assertThat(download(path, "maintainer2").getStatus()).as("a maintainer's role reads no policies").isEqualTo(403);
    }

    @Test
    void aPolicyNotYetIssuedHasNoCertificate() throws Exception {
        PolicyView quoted = quoted(hengAn(1), 1);
        for (MediaType accept : List.of(MediaType.ALL, MediaType.APPLICATION_PDF)) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/policies/" + quoted.id() + "/certificate.pdf")
                    .accept(accept).with(users.as("insurer"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(accept.toString()).isEqualTo(409);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String body = response.getContentAsString();
            assertThat((String) JsonPath.read(body, "$.rule")).isEqualTo("policy-not-issued");
            assertThat((String) JsonPath.read(body, "$.policyStatus")).isEqualTo("QUOTED");
            assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(409);
        }
        assertThat(download("/api/v1/policies/" + quoted.id() + "/certificate.pdf", "pdfpicc").getStatus())
                .isEqualTo(404);
    }

    @Test
    void anInvoiceNoticeShowsWhatIsDueAndPaidAndACreditNoteWhatIsRefunded() throws Exception {
        List<Long> elevators = hengAn(1);
        PolicyView policy = issued(elevators, 2);
        InvoiceView invoice = billing.ofPolicy(insurer, policy.id()).stream()
                .filter(i -> i.payer() == PayerSource.MAINTENANCE_FUND).findFirst().orElseThrow();
        Money part = Money.of("100.00");
        billing.pay(insurer, invoice.id(), new Billing.NewPayment(part, today, "网银回单 PDF-1", "pdf-" + invoice.id()));
        String path = "/api/v1/invoices/" + invoice.id() + ".pdf";

        MockHttpServletResponse response = download(path, "insurer");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline")
                .contains("invoice-" + invoice.number() + ".pdf");
        byte[] pdf = response.getContentAsByteArray();
        String text = text(pdf);
        String flat = squeezed(text);
        assertThat(text).contains("保费缴费通知单", invoice.number(), policy.number(), "住宅专项维修资金", "第 1 期，共 2 期",
                "网银回单 PDF-1", "0571-95344", PdfDocuments.amount(invoice.amount()), PdfDocuments.amount(part),
                PdfDocuments.amount(invoice.amount().minus(part)), DocumentText.day(invoice.dueOn()));
        assertThat(flat).contains(squeezed(fullName(policy.insurerId())), squeezed(fullName(policy.useUnitId())),
                "小河佳苑");

        for (String user : List.of("regulator", "property", "owners")) {
            assertThat(download(path, user).getStatus()).as(user).isEqualTo(200);
        }
        assertThat(download(path, "pdfpicc").getStatus()).isEqualTo(404);
        assertThat(download("/api/v1/invoices/" + invoice.id(), "pdfpicc").getStatus()).isEqualTo(404);
        for (String user : List.of("pdfhengan", "mcmanager")) {
            assertThat(download(path, user).getStatus()).as("maintenance companies see no invoices").isEqualTo(403);
        }

        work.cancel(insurer, new PolicyId(policy.id()), start.plusDays(30), "业主大会决定退保");
        InvoiceView credit = billing.ofPolicy(insurer, policy.id()).stream()
                .filter(i -> i.kind() == InvoiceKind.CREDIT && i.payer() == PayerSource.MAINTENANCE_FUND)
                .findFirst().orElseThrow();
        String creditText = text(download("/api/v1/invoices/" + credit.id() + ".pdf", "insurer").getContentAsByteArray());
        assertThat(creditText).contains("退费通知单", credit.number(), PdfDocuments.amount(credit.amount().negate()),
                "待退费");
        String certificate = text(download("/api/v1/policies/" + policy.id() + "/certificate.pdf", "insurer")
                .getContentAsByteArray());
        assertThat(certificate).contains("已退保", "业主大会决定退保");
    }
}
