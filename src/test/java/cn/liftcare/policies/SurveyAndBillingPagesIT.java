package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The survey and billing pages as the supervisor, the underwriter and the use unit use them. */
@LiftCareTest
class SurveyAndBillingPagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PolicyWork work;
    @Autowired SurveyWork surveys;
    @Autowired Billing billing;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired cn.liftcare.shared.LiftCareTime time;

    PolicyFixtures fx;
    Scope insurer;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        insurer = fx.user("insurer");
        today = time.today();
    }

    @Test
    void theSupervisorRecordsASurveyFromTheQueueThroughThePhoneFormAndConfirmsTheRectification() throws Exception {
        long elevator = fresh();
        work.quote(insurer, new PolicyWork.NewPolicy(List.of(elevator), today, 1, PolicyFixtures.fundAndIncome(), null));

        Document queue = Html.of(mvc.perform(get("/surveys").with(users.as("supervisor"))).andExpect(status().isOk()));
        assertThat(queue.select("tr[data-elevator=" + elevator + "] a[href$='/surveys/new?elevator=" + elevator + "']"))
                .hasSize(1);
        mvc.perform(get("/surveys/new").param("elevator", String.valueOf(elevator)).with(users.as("supervisor")))
                .andExpect(status().isOk());

        String location = mvc.perform(survey(elevator, "RECTIFY", "更换层门自闭装置", 5, "层门自闭力不足")
                        .file(new MockMultipartFile("photos", "door.png", "image/png", PolicyLifecycleIT.PNG)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/surveys/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        SurveyView recorded = surveys.find(fx.user("supervisor"), new SurveyId(id));
        assertThat(recorded.outcome()).isEqualTo(SurveyOutcome.RECTIFY);
        assertThat(recorded.items()).hasSize(SurveyItem.values().length);
        assertThat(recorded.items().get(5).result()).isEqualTo(SurveyItem.Result.DEFECT);
        assertThat(recorded.photoIds()).hasSize(1);

        Document page = Html.of(mvc.perform(get(location).with(users.as("supervisor"))).andExpect(status().isOk()));
        assertThat(page.select("#survey-photos img")).hasSize(1);
        assertThat(page.select("#rectification-form")).hasSize(1);
        mvc.perform(get("/surveys/photos/" + recorded.photoIds().get(0)).with(users.as("insurer")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        Document insurerView = Html.of(mvc.perform(get(location).with(users.as("insurer"))).andExpect(status().isOk()));
        assertThat(insurerView.select("#rectification-form")).as("only the supervisor confirms").isEmpty();

        Document early = Html.of(mvc.perform(post(location + "/rectification").param("rectifiedOn",
                today.minusDays(1).toString()).with(csrf()).with(users.as("supervisor"))).andExpect(status().isOk()));
        assertThat(Html.errorBeside(early, "rectifiedOn")).isNotBlank();
        mvc.perform(post(location + "/rectification").param("rectifiedOn", today.toString()).with(csrf())
                .with(users.as("supervisor"))).andExpect(redirectedUrlPattern("/surveys/*"));
        assertThat(surveys.find(fx.user("supervisor"), new SurveyId(id)).passing()).isTrue();
        assertThat(Html.of(mvc.perform(get("/surveys").with(users.as("supervisor"))))
                .select("tr[data-elevator=" + elevator + "]")).as("no longer waiting").isEmpty();
    }

    @Test
    void aRectificationWithoutPhotosOrADefectWithoutANoteIsShownBesideTheField() throws Exception {
        long elevator = fresh();
        Document page = Html.of(mvc.perform(survey(elevator, "RECTIFY", "更换钢丝绳", 3, ""))
                .andExpect(status().isOk()));

        assertThat(Html.errorBeside(page, "photoIds")).isEqualTo("整改或拒保须附现场照片。");
        assertThat(Html.errorBeside(page, "items[3].note")).isEqualTo("发现问题的项目须写明情况。");
        assertThat(page.select("#rectification").text()).as("what was typed stays").isEqualTo("更换钢丝绳");
        assertThat(page.selectFirst("input[name='items[3].result'][value=DEFECT]").hasAttr("checked")).isTrue();
        assertThat(surveys.latest(List.of(elevator))).as("nothing recorded").isEmpty();
    }

    @Test
    void theUnderwriterRecordsAPaymentOnceHoweverOftenTheFormIsSentAndNeverMoreThanIsOutstanding() throws Exception {
        PolicyView policy = issued(fx.uninsured(2));
        InvoiceView invoice = billing.ofPolicy(insurer, policy.id()).get(0);
        String path = "/invoices/" + invoice.id();

        Document form = Html.of(mvc.perform(get(path).with(users.as("insurer"))).andExpect(status().isOk()));
        String key = form.select("#payment-form input[name=idempotencyKey]").val();
        assertThat(key).hasSize(36);
        assertThat(form.select("#amount").val()).isEqualTo(invoice.outstanding().toString());
        assertThat(form.select("#invoice-pdf").attr("href")).isEqualTo("/api/v1/invoices/" + invoice.id() + ".pdf");

        Document tooMuch = Html.of(mvc.perform(post(path + "/payments").param("amount",
                        invoice.outstanding().plus(cn.liftcare.shared.Money.of("0.01")).toString())
                .param("paidOn", today.toString()).param("idempotencyKey", key).with(csrf()).with(users.as("insurer")))
                .andExpect(status().isOk()));
        assertThat(Html.errorBeside(tooMuch, "amount")).contains(invoice.outstanding().toString());

        for (int i = 0; i < 2; i++) {
            mvc.perform(post(path + "/payments").param("amount", invoice.outstanding().toString())
                            .param("paidOn", today.toString()).param("reference", "网银 0001").param("idempotencyKey", key)
                            .with(csrf()).with(users.as("insurer")))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        }
        assertThat(billing.payments(insurer, invoice.id())).hasSize(1);
        Document paid = Html.of(mvc.perform(get(path).with(users.as("insurer"))));
        assertThat(paid.select("#payments tr[data-payment]")).hasSize(1);
        assertThat(paid.select("#invoice-state").text()).isEqualTo("已付清");
        assertThat(paid.select("#payment-form")).as("nothing left to pay").isEmpty();

        Document listed = Html.of(mvc.perform(get("/billing").param("state", "PAID").with(users.as("insurer"))));
        assertThat(listed.select("tr[data-invoice=" + invoice.id() + "]")).hasSize(1);
        assertThat(listed.select("tr[data-invoice=" + invoice.id() + "]").text()).contains(policy.number());
    }

    @Test
    void maintenanceCompaniesSeeNoBillingAndTheUseUnitOnlyItsOwnInvoices() throws Exception {
        long xiaohe = new DemoData(jdbc).community("小河佳苑");
        long useUnit = new DemoData(jdbc).organization("小河佳苑物业");
        // the demo insures all of 小河佳苑, so its policy here is for the term after the demo's
        java.time.LocalDate next = fx.nextTerm("小河佳苑", today);
        PolicyView own = issued(fx.freeFrom("小河佳苑", "运河电梯", next, today, 1), next);
        PolicyView other = issued(uninsured("c.id <> :community AND c.use_unit_id <> :useUnit AND e.use_unit_id <> :useUnit",
                xiaohe, useUnit));
        InvoiceView ownInvoice = billing.ofPolicy(insurer, own.id()).stream()
                .filter(i -> i.payer() == PayerSource.MAINTENANCE_FUND).findFirst().orElseThrow();
        InvoiceView otherInvoice = billing.ofPolicy(insurer, other.id()).get(0);

        mvc.perform(get("/billing").with(users.as("mcmanager"))).andExpect(status().isForbidden());
        mvc.perform(get("/invoices/" + ownInvoice.id()).with(users.as("mcmanager"))).andExpect(status().isForbidden());

        Document page = Html.of(mvc.perform(get("/billing").with(users.as("property"))).andExpect(status().isOk()));
        assertThat(page.select("tr[data-invoice=" + ownInvoice.id() + "]")).hasSize(1);
        assertThat(page.select("tr[data-invoice=" + otherInvoice.id() + "]")).isEmpty();
        assertThat(page.select("tr[data-invoice=" + ownInvoice.id() + "]").text()).contains("专项维修资金", own.number());
        mvc.perform(get("/invoices/" + otherInvoice.id()).with(users.as("property"))).andExpect(status().isNotFound());
        Document invoice = Html.of(mvc.perform(get("/invoices/" + ownInvoice.id()).with(users.as("property")))
                .andExpect(status().isOk()));
        assertThat(invoice.select("#payment-form")).as("only the underwriter records payments").isEmpty();
        mvc.perform(post("/invoices/" + ownInvoice.id() + "/payments").param("amount", "1.00")
                .param("idempotencyKey", "property-" + ownInvoice.id()).with(csrf()).with(users.as("property")))
                .andExpect(status().isForbidden());

        Document regulator = Html.of(mvc.perform(get("/billing").param("community", String.valueOf(xiaohe))
                .with(users.as("regulator"))).andExpect(status().isOk()));
        assertThat(regulator.select("tr[data-invoice=" + ownInvoice.id() + "]")).hasSize(1);
        assertThat(regulator.select("tr[data-invoice=" + otherInvoice.id() + "]")).as("filtered by community").isEmpty();
    }

    /** The survey form for an elevator with every item OK but one defect, with its note. */
    MockMultipartHttpServletRequestBuilder survey(long elevator, String outcome, String rectification, int defect,
            String note) {
        MockMultipartHttpServletRequestBuilder request = multipart("/surveys/new");
        request.param("elevator", String.valueOf(elevator)).param("surveyedOn", today.toString())
                .param("outcome", outcome).param("rectification", rectification);
        for (int i = 0; i < SurveyItem.values().length; i++) {
            request.param("items[" + i + "].result", i == defect ? "DEFECT" : "OK");
        }
        request.param("items[" + defect + "].note", note).with(csrf()).with(users.as("supervisor"));
        return request;
    }

    /** Quotes, surveys, has all three parties accept and issues, as PolicyLifecycleIT does. */
    PolicyView issued(List<Long> elevators) {
        return issued(elevators, today);
    }

    PolicyView issued(List<Long> elevators, java.time.LocalDate start) {
        PolicyView quoted = work.quote(insurer, new PolicyWork.NewPolicy(elevators, start, 1,
                PolicyFixtures.fundAndIncome(), null));
        Scope supervisor = fx.user("supervisor");
        elevators.forEach(e -> surveys.record(supervisor, PolicyFixtures.pass(e, today)));
        PolicyId id = new PolicyId(quoted.id());
        work.accept(fx.actingFor(fx.useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER), id);
        for (long company : fx.companiesOf(elevators)) {
            work.accept(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER), id);
        }
        work.accept(insurer, id);
        return work.issue(insurer, id, today);
    }

    /** One elevator in service of a community matching the condition, never insured nor surveyed. */
    List<Long> uninsured(String communityCondition, long community, long useUnit) {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE e.status = 'IN_SERVICE' AND e.maintenance_company_id IS NOT NULL AND e.type = 'TRACTION'
                  AND e.district_id IN (SELECT id FROM district WHERE code LIKE '3301%')
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM risk_survey s WHERE s.elevator_id = e.id) AND """ + " "
                + communityCondition + " ORDER BY e.id LIMIT 1").param("community", community).param("useUnit", useUnit)
                .query(Long.class).list();
    }

    /** An elevator nobody has insured or surveyed yet. */
    long fresh() {
        return uninsured("TRUE", 0, 0).get(0);
    }
}
