package cn.liftcare.pension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.ledger.Books;
import cn.liftcare.ledger.Ledger;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.PolicyFixtures;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A case from opening to completion through the API, its postings, the refusals, and who sees it. */
@LiftCareTest
class PensionIT {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired PensionDesk desk;
    @Autowired Cover cover;
    @Autowired Ledger ledger;
    @Autowired Books books;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        today = time.today();
    }

    /** An insured 小河佳苑 elevator of 运河电梯 with no pension case yet. */
    long freshElevator() {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND e.status = 'IN_SERVICE'
                  AND NOT EXISTS (SELECT 1 FROM pension_case pc WHERE pc.elevator_id = e.id)
                ORDER BY e.id DESC LIMIT 1""").query(Long.class).single();
    }

    String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    long open(long elevator, String component) throws Exception {
        String created = body(mvc.perform(post("/api/v1/pension/cases").with(users.as("property"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"elevatorId":%d,"component":"%s","description":"曳引机异响、制动器磨损","idempotencyKey":"it-%d-%s"}
                        """.formatted(elevator, component, elevator, component))).andExpect(status().isCreated()));
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    /** Evidence, assessment, two quotations (the second cheaper) and the owners' approval of the second. */
    void readyForDecision(long id, String second) throws Exception {
        mvc.perform(multipart("/api/v1/pension/cases/" + id + "/evidence").file(new MockMultipartFile("file", "a.png",
                "image/png", PNG)).with(users.as("supervisor"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/pension/cases/" + id + "/assessment").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"criteriaMet":true,"findings":"制动衬磨损超限，曳引轮槽磨损，符合 GB/T 31821 报废条件"}"""))
                .andExpect(status().isOk());
        for (String amount : List.of("98000", second)) {
            mvc.perform(post("/api/v1/pension/cases/" + id + "/quotations").with(users.as("property"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"supplier\":\"运河电梯\",\"amount\":" + amount + "}")).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/pension/cases/" + id + "/approval").with(users.as("owners"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"quotation":2,"funding":[{"source":"MAINTENANCE_FUND","percent":30},
                                                 {"source":"COMMON_INCOME","percent":70}]}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.approvedQuotation").value(2));
    }

    long entries(String key) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single();
    }

    BigDecimal[] sides(String key) {
        return jdbc.sql("""
                SELECT sum(l.debit), sum(l.credit) FROM journal_line l JOIN journal_entry j ON j.id = l.entry_id
                WHERE j.idempotency_key = :k""").param("k", key)
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
    }

    @Test
    void aDecisionWithoutItsPiecesIsRefusedNamingEveryOneMissing() throws Exception {
        long id = open(freshElevator(), "CONTROLLER");
        mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\",\"reason\":\"ok\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "assessment", "evidence", "quotations", "approval")));
        mvc.perform(post("/api/v1/pension/cases/" + id + "/assessment").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"criteriaMet\":true,\"findings\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
    }

    @Test
    void aCaseOnAnUninsuredElevatorIsRefused() {
        long elevator = fx.uninsured(1).get(0);
        var property = fx.actingFor(fx.useUnitOf(elevator), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER);
        assertThatThrownBy(() -> desk.open(property, new PensionDesk.NewCase(elevator, PensionComponent.DOOR_SYSTEM,
                null, "uninsured-" + elevator))).isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field() + ":" + v.messageKey())
                                .contains("elevatorId:pension.uninsured"));
    }

    @Test
    void anApprovedMajorRenewalIsSplitPostedBalancedAndOnlyOnce() throws Exception {
        long elevator = freshElevator();
        long insurer = cover.on(new ElevatorId(elevator), today).orElseThrow().insurerId();
        int years = cover.on(new ElevatorId(elevator), today).orElseThrow().continuousYears();
        BigDecimal share = CostSplitTest.shipped(cover.on(new ElevatorId(elevator), today).orElseThrow().productVersion())
                .shareAfter(years);
        var reserveRef = PensionDesk.reserveOf(insurer, elevator);
        Money reserveBefore = ledger.balance(reserveRef, today);
        assertThat(reserveBefore.signum()).as("premium payments built a reserve").isPositive();

        long id = open(elevator, "DRIVE_MACHINE");
        assertThat(open(elevator, "DRIVE_MACHINE")).as("the same key answers the first case").isEqualTo(id);
        readyForDecision(id, "86000");
        String decision = "{\"action\":\"APPROVE\",\"reason\":\"符合条件\",\"idempotencyKey\":\"it-decide-" + id + "\"}";
        String decided = body(mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content(decision)).andExpect(status().isOk()));
        Money insurerShare = Money.ofYuan(86_000).times(share).min(Money.ofYuan(60_000));
        assertThat((String) JsonPath.read(decided, "$.status")).isEqualTo("APPROVED");
        assertThat(new BigDecimal(JsonPath.read(decided, "$.insurerShare").toString())).isEqualByComparingTo(insurerShare.amount());
        assertThat(new BigDecimal(JsonPath.read(decided, "$.ownersShare").toString()))
                .isEqualByComparingTo(Money.ofYuan(86_000).minus(insurerShare).amount());
        assertThat((Integer) JsonPath.read(decided, "$.continuousYears")).isEqualTo(years);

        String insurerKey = "pension-case:" + id + ":insurer-share";
        String ownersKey = "pension-case:" + id + ":owners-share";
        for (String key : List.of(insurerKey, ownersKey)) {
            assertThat(entries(key)).as(key).isEqualTo(1);
            BigDecimal[] s = sides(key);
            assertThat(s[0]).as(key + " balances").isEqualByComparingTo(s[1]);
        }
        Money used = insurerShare.min(reserveBefore);
        assertThat(ledger.balance(reserveRef, today)).isEqualTo(reserveBefore.minus(used));
        assertThat(ledger.balance(PensionDesk.payableOf(insurer, fx.companiesOf(List.of(elevator)).get(0)), today))
                .as("the contractor is owed the whole cost").isGreaterThanOrEqualTo(Money.ofYuan(86_000));
        long useUnit = fx.useUnitOf(elevator);
        assertThat(ledger.balance(new cn.liftcare.ledger.AccountRef(cn.liftcare.ledger.AccountPurpose.PENSION_RECEIVABLE,
                insurer, useUnit, "MAINTENANCE_FUND"), today)).isGreaterThanOrEqualTo(
                        Money.ofYuan(86_000).minus(insurerShare).times(new BigDecimal("0.30")));

        // a retry answers the case and posts nothing; another decision is refused
        mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content(decision)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\",\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
        assertThat(entries(insurerKey)).isEqualTo(1);
        assertThat(entries(ownersKey)).isEqualTo(1);
        assertThat(books.trialBalance(today, null).balanced()).isTrue();

        mvc.perform(post("/api/v1/pension/cases/" + id + "/completion").with(users.as("mcmanager"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'pension_case' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).as("every step audited").isGreaterThanOrEqualTo(7);
    }

    @Test
    void aWholeRenewalRestartsTheAgeAndKeepsTheInsuredYears() throws Exception {
        long elevator = freshElevator();
        int years = cover.on(new ElevatorId(elevator), today).orElseThrow().continuousYears();
        long id = open(elevator, "WHOLE_ELEVATOR");
        readyForDecision(id, "160000");
        mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\",\"reason\":\"整梯更新\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/pension/cases/" + id + "/completion").with(users.as("property"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"completedOn\":\"" + today + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/elevators/" + elevator + "/pension").with(users.as("owners")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ageYears").value(0))
                .andExpect(jsonPath("$.renewedOn").value(today.toString()))
                .andExpect(jsonPath("$.continuousYears").value(years))
                .andExpect(jsonPath("$.projection.years.length()").value(15));
    }

    @Test
    void eachPartySeesOnlyItsCases() throws Exception {
        long id = open(freshElevator(), "DOOR_SYSTEM");
        for (String reader : List.of("admin", "regulator", "insurer", "supervisor", "inspector", "mcmanager", "property",
                "owners")) {
            mvc.perform(get("/api/v1/pension/cases/" + id).with(users.as(reader))).andExpect(status().isOk());
        }
        for (String outsider : List.of("picc")) {
            mvc.perform(get("/api/v1/pension/cases/" + id).with(users.as(outsider))).andExpect(status().isNotFound());
        }
        for (String refused : List.of("callcentre", "maintainer", "maintainer2")) {
            mvc.perform(get("/api/v1/pension/cases/" + id).with(users.as(refused))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/pension/cases/" + id + "/decision").with(users.as("regulator"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"DECLINE\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/pension/cases/" + id + "/evidence").file(new MockMultipartFile("file", "a.png",
                "image/png", PNG)).with(users.as("supervisor"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/pension/cases/" + id + "/assessment").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"criteriaMet\":false,\"findings\":\"门机尚可\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/pension/cases/" + id).with(users.as("inspector")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pension/projection?community=" + jdbc.sql("SELECT id FROM community WHERE name = '小河佳苑'")
                .query(Long.class).single()).with(users.as("mcmanager"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.years.length()").value(15));
        mvc.perform(get("/api/v1/pension/projection").with(users.as("insurer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("portfolio"));
    }
}
