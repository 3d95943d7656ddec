package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy API's answers to bad input: problem+json naming the field or the rule broken. */
@LiftCareTest
class PolicyApiIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired SurveyWork surveys;
    @Autowired PolicyWork work;
    @Autowired LiftCareTime time;

    ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String json) throws Exception {
        return mvc.perform(request.with(users.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String policy(List<Long> elevators, LocalDate start, String payers) {
        return "{\"elevatorIds\":" + elevators.toString().replace(" ", "") + ",\"termStart\":\"" + start
                + "\",\"instalments\":2,\"payers\":" + payers + "}";
    }

    static final String ALL_FUND = "[{\"source\":\"MAINTENANCE_FUND\",\"percent\":100}]";

    @Test
    void badTermsAnswerWithTheFieldAtFault() throws Exception {
        List<Long> elevators = new PolicyFixtures(jdbc, userDetails).uninsured(1);
        LocalDate today = time.today();
        call("insurer", post("/api/v1/policies"), policy(elevators, today,
                "[{\"source\":\"MAINTENANCE_FUND\",\"percent\":30},{\"source\":\"COMMON_INCOME\",\"percent\":60}]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("payers"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("90")));
        call("insurer", post("/api/v1/policies"), policy(elevators, today.minusYears(3), ALL_FUND))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("termStart"));
        call("insurer", post("/api/v1/policies"), policy(elevators, today, "[{\"source\":\"SUBSIDY\",\"percent\":100}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("payers[0].source"));
        call("property", post("/api/v1/policies"), policy(elevators, today, ALL_FUND)
                .replace("}]}", "}],\"insurerId\":" + new cn.liftcare.support.DemoData(jdbc).organization("浙商财险") + "}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void bindingWithoutASurveyAndPayingTooMuchNameTheRuleBroken() throws Exception {
        PolicyFixtures fx = new PolicyFixtures(jdbc, userDetails);
        List<Long> elevators = fx.uninsured(2);
        LocalDate today = time.today();
        String created = call("insurer", post("/api/v1/policies"), policy(elevators, today, ALL_FUND))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.policy.id")).longValue();
        assertThat((List<?>) JsonPath.read(created, "$.schedule[0].calculation.quote.components")).hasSize(4);

        mvc.perform(post("/api/v1/policies/" + id + "/acceptances").with(users.as("insurer"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("survey-not-passed"))
                .andExpect(jsonPath("$.elevators.length()").value(2))
                .andExpect(jsonPath("$.detail").value(containsString("risk survey")));

        elevators.forEach(e -> surveys.record(fx.user("supervisor"), PolicyFixtures.pass(e, today)));
        work.accept(fx.actingFor(fx.useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER),
                new PolicyId(id));
        for (long company : fx.companiesOf(elevators)) {
            work.accept(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER),
                    new PolicyId(id));
        }
        mvc.perform(post("/api/v1/policies/" + id + "/acceptances").with(users.as("insurer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.policy.status").value("BOUND"));
        mvc.perform(post("/api/v1/policies/" + id + "/issue").with(users.as("insurer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.policy.number").value(containsString("TB")));

        String invoices = mvc.perform(get("/api/v1/policies/" + id + "/invoices").with(users.as("insurer")))
                .andReturn().getResponse().getContentAsString();
        long invoice = ((Number) JsonPath.read(invoices, "$[0].id")).longValue();
        String amount = JsonPath.read(invoices, "$[0].amount").toString();
        call("insurer", post("/api/v1/invoices/" + invoice + "/payments"),
                "{\"amount\":" + new java.math.BigDecimal(amount).add(java.math.BigDecimal.ONE) + ",\"idempotencyKey\":\"api-over-" + id + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("payment-exceeds-outstanding"))
                .andExpect(jsonPath("$.field").value("amount"));
        String first = mvc.perform(post("/api/v1/invoices/" + invoice + "/payments").with(users.as("insurer"))
                        .header("Idempotency-Key", "api-pay-" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":" + amount + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/invoices/" + invoice + "/payments").with(users.as("insurer"))
                        .header("Idempotency-Key", "api-pay-" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":" + amount + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        mvc.perform(get("/api/v1/invoices/" + invoice).with(users.as("regulator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.invoice.state").value("PAID"))
                .andExpect(jsonPath("$.payments.length()").value(1));

        call("insurer", post("/api/v1/policies/" + id + "/cancellation"),
                "{\"effectiveOn\":\"" + today.plusDays(30) + "\",\"reason\":\"测试\"}").andExpect(status().isOk());
        call("insurer", post("/api/v1/policies/" + id + "/endorsements"),
                "{\"remove\":[" + elevators.get(0) + "],\"effectiveOn\":\"" + today.plusDays(40) + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("policy-cancelled"));
        mvc.perform(get("/api/v1/elevators/" + elevators.get(0) + "/cover").with(users.as("regulator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.insured").value(true))
                .andExpect(jsonPath("$.cover.continuousYears").value(0));
    }
}
