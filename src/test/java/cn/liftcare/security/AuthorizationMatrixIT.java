package cn.liftcare.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.CreditCode;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.SpreadsheetFixtures;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every endpoint against every demo role, and anonymous: the status each must get. A role that may not
 * act gets 403; an object outside the caller's scope gets 404.
 */
@LiftCareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final Set<String> EDITORS = Set.of("admin", "regulator", "property");
    static final Set<String> IMPORTERS = Set.of("admin", "regulator");
    static final Set<String> REGISTRARS = Set.of("admin", "regulator");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> REGULATOR = Set.of("regulator");
    static final Set<String> EVERYONE = Set.copyOf(DemoUsers.ALL);
    static final AtomicInteger SERIAL = new AtomicInteger(500_000);
    static final Set<String> FIELD = Set.of("maintainer", "mcmanager", "maintainer2");
    static final Set<String> CONFIRMERS = Set.of("property", "mcmanager");
    static final Set<String> POLICY_READERS = Set.of("admin", "regulator", "insurer", "supervisor", "mcmanager",
            "property", "owners");
    static final Set<String> BILLING_READERS = Set.of("admin", "regulator", "insurer", "property", "owners");
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");


    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    long elevator;
    long xiaohe;
    long useUnit;
    long testCommunity;
    long foreignOrg;
    long regulatorUser;
    long maintainerUser;
    long visit;
    long onDemandElevator;
    long photo;
    String code;

    @BeforeAll
    void ids() throws Exception {
        DemoData demo = new DemoData(jdbc);
        elevator = demo.elevator("小河佳苑", "运河电梯");
        code = demo.registrationCode(elevator);
        xiaohe = demo.community("小河佳苑");
        useUnit = demo.organization("小河佳苑物业");
        testCommunity = jdbc.sql("SELECT id FROM community WHERE name = '矩阵测试苑'").query(Long.class).optional()
                .orElse(-1L);
        if (testCommunity < 0) {
            // new elevators go to a community of 小河佳苑's use unit, so 小河佳苑 keeps its 94
            mvc.perform(post("/api/v1/communities").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"districtCode":"330105","street":"小河街道","name":"矩阵测试苑","useUnitId":%d}
                            """.formatted(useUnit)));
            testCommunity = demo.community("矩阵测试苑");
        }
        regulatorUser = jdbc.sql("SELECT id FROM app_user WHERE username = 'regulator'").query(Long.class).single();
        maintainerUser = jdbc.sql("SELECT id FROM app_user WHERE username = 'maintainer'").query(Long.class).single();
        visit = jdbc.sql("SELECT max(id) FROM maintenance_visit WHERE elevator_id = :e AND status = 'CONFIRMED'")
                .param("e", elevator).query(Long.class).single();
        onDemandElevator = jdbc.sql("""
                SELECT p.elevator_id FROM maintenance_plan p JOIN organization o ON o.id = p.maintenance_company_id
                WHERE o.short_name = '通衢电梯' ORDER BY p.elevator_id LIMIT 1""").query(Long.class).single();
        photo = jdbc.sql("SELECT min(p.id) FROM maintenance_photo p JOIN organization o ON o.id = p.company_id "
                + "WHERE o.short_name = '运河电梯'").query(Long.class).single();
        String foreignCode = "91330106MA2TE0T00";
        foreignCode += CreditCode.checkCharacter(foreignCode.substring(0, 17));
        foreignOrg = jdbc.sql("SELECT id FROM organization WHERE credit_code = :c").param("c", foreignCode)
                .query(Long.class).optional().orElse(-1L);
        if (foreignOrg < 0) {
            mvc.perform(post("/api/v1/organizations").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"type":"USE_UNIT","name":"杭州西湖测试物业有限公司","creditCode":"%s","regionCode":"330106"}
                            """.formatted(foreignCode)));
            foreignOrg = jdbc.sql("SELECT id FROM organization WHERE credit_code = :c").param("c", foreignCode)
                    .query(Long.class).single();
        }
        policies();
        billingFixture();
        pdfFixture();
        claimsFixture();
        pensionFixture();
        qualityFixture();
        dashboardFixture();
    }

    /** One row of the matrix: who succeeds (with which status), who is out of scope (404); the rest get 403. */
    record Endpoint(String name, Function<AuthorizationMatrixIT, AbstractMockHttpServletRequestBuilder<?>> request,
            int success, Set<String> allowed, Set<String> outOfScope, Map<String, Integer> special) {

        Endpoint(String name, Function<AuthorizationMatrixIT, AbstractMockHttpServletRequestBuilder<?>> request, int success,
                Set<String> allowed) {
            this(name, request, success, allowed, Set.of(), Map.of());
        }

        Endpoint(String name, Function<AuthorizationMatrixIT, AbstractMockHttpServletRequestBuilder<?>> request, int success,
                Set<String> allowed, Set<String> outOfScope) {
            this(name, request, success, allowed, outOfScope, Map.of());
        }

        int expectedFor(String user) {
            if (special.containsKey(user)) {
                return special.get(user);
            }
            if (outOfScope.contains(user)) {
                return 404;
            }
            return allowed.contains(user) ? success : 403;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static String uniqueCode() {
        return "31103301052025" + String.format("%06d", SERIAL.incrementAndGet());
    }

    static String elevatorJson(long community) {
        return """
                {"registrationCode":"%s","type":"TRACTION","brand":"康力","model":"KLK2","manufactureDate":"2024-01-10",
                 "commissioningDate":"2024-06-01","stops":18,"ratedLoadKg":1000,"ratedSpeed":1.75,
                 "useCategory":"RESIDENTIAL","communityId":%d,"building":"99幢","unit":"1单元"}
                """.formatted(uniqueCode(), community);
    }

    static final List<Endpoint> API = List.of(
            new Endpoint("GET /api/v1/me", t -> get("/api/v1/me"), 200, EVERYONE),
            new Endpoint("GET /api/v1/elevators", t -> get("/api/v1/elevators"), 200, EVERYONE),
            new Endpoint("GET /api/v1/elevators/{id}", t -> get("/api/v1/elevators/" + t.elevator), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("GET /api/v1/elevators/{id}/history", t -> get("/api/v1/elevators/" + t.elevator + "/history"),
                    200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /api/v1/elevators/{id}/qr.svg", t -> get("/api/v1/elevators/" + t.elevator + "/qr.svg"),
                    200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /api/v1/elevators/{id}/qr.png", t -> get("/api/v1/elevators/" + t.elevator + "/qr.png"),
                    200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("POST /api/v1/elevators", t -> post("/api/v1/elevators").contentType(MediaType.APPLICATION_JSON)
                    .content(elevatorJson(t.testCommunity)), 201, EDITORS),
            new Endpoint("PUT /api/v1/elevators/{id}", t -> put("/api/v1/elevators/" + t.elevator)
                    .contentType(MediaType.APPLICATION_JSON).content(t.currentElevatorJson()), 200, EDITORS),
            new Endpoint("POST /api/v1/elevators/import", t -> multipart("/api/v1/elevators/import")
                    .file(new MockMultipartFile("file", "one.xlsx", null, SpreadsheetFixtures.oneValidRow(uniqueCode()))),
                    200, IMPORTERS),
            new Endpoint("GET /api/v1/elevators/import/template", t -> get("/api/v1/elevators/import/template"), 200, EVERYONE),
            new Endpoint("GET /api/v1/elevators/export", t -> get("/api/v1/elevators/export?community=小河佳苑"), 200, EVERYONE),
            new Endpoint("GET /api/v1/organizations", t -> get("/api/v1/organizations"), 200, EVERYONE),
            new Endpoint("GET /api/v1/organizations/{id}", t -> get("/api/v1/organizations/" + t.useUnit), 200, EVERYONE),
            new Endpoint("GET /api/v1/organizations/{other district}", t -> get("/api/v1/organizations/" + t.foreignOrg),
                    200, EVERYONE, Set.of("regulator", "callcentre", "maintainer", "mcmanager", "maintainer2", "property",
                            "owners")),
            new Endpoint("POST /api/v1/organizations", t -> post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON)
                    .content(newOrganizationJson()), 201, REGISTRARS),
            new Endpoint("GET /api/v1/communities", t -> get("/api/v1/communities"), 200, EVERYONE),
            new Endpoint("GET /api/v1/communities/{id}", t -> get("/api/v1/communities/" + t.xiaohe), 200, EVERYONE),
            new Endpoint("POST /api/v1/communities", t -> post("/api/v1/communities").contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"districtCode":"330105","street":"小河街道","name":"测试小区%d","useUnitId":%d}
                            """.formatted(SERIAL.incrementAndGet(), t.useUnit)), 201, REGISTRARS),
            new Endpoint("POST /api/v1/auth/tokens", t -> post("/api/v1/auth/tokens"), 201, EVERYONE),
            new Endpoint("GET /api/v1/audit/verify", t -> get("/api/v1/audit/verify"), 200, REGULATOR),
            new Endpoint("GET /api/v1/public/elevators/{code}", t -> get("/api/v1/public/elevators/" + t.code), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/overdue", t -> get("/api/v1/maintenance/overdue"), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/on-time-rate", t -> get("/api/v1/maintenance/on-time-rate?month=2026-10"),
                    200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/board", t -> get("/api/v1/maintenance/board"), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/visits/mine", t -> get("/api/v1/maintenance/visits/mine"), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/visits/awaiting-confirmation",
                    t -> get("/api/v1/maintenance/visits/awaiting-confirmation"), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/visits/{id}", t -> get("/api/v1/maintenance/visits/" + t.visit), 200,
                    EVERYONE, Set.of("maintainer2")),
            new Endpoint("POST /api/v1/maintenance/visits", t -> post("/api/v1/maintenance/visits")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + t.elevator + ",\"plannedOn\":\""
                            + java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE).plusDays(3) + "\"}"),
                    201, FIELD, Set.of("maintainer2")),
            new Endpoint("POST /api/v1/maintenance/check-ins", t -> post("/api/v1/maintenance/check-ins")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + t.elevator + "}"),
                    200, FIELD, Set.of("maintainer2"), Map.of("mcmanager", 409)),
            new Endpoint("POST /api/v1/maintenance/visits/{missing}/assign", t -> post("/api/v1/maintenance/visits/999999999/assign")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"maintainerId\":" + t.maintainerUser + "}"),
                    404, Set.of("mcmanager")),
            new Endpoint("POST /api/v1/maintenance/visits/{missing}/record", t -> post("/api/v1/maintenance/visits/999999999/record")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[],\"idempotencyKey\":\"matrix\"}"),
                    404, FIELD),
            new Endpoint("POST /api/v1/maintenance/visits/{missing}/confirm",
                    t -> post("/api/v1/maintenance/visits/999999999/confirm"), 404, CONFIRMERS),
            new Endpoint("POST /api/v1/maintenance/visits/{missing}/corrections",
                    t -> post("/api/v1/maintenance/visits/999999999/corrections").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"x\",\"items\":[]}"), 404, FIELD),
            new Endpoint("POST /api/v1/maintenance/photos", t -> multipart("/api/v1/maintenance/photos")
                    .file(new MockMultipartFile("file", "p.png", "image/png", PNG)), 201, FIELD),
            new Endpoint("GET /api/v1/maintenance/flags", t -> get("/api/v1/maintenance/flags"), 200, EVERYONE),
            new Endpoint("GET /api/v1/maintenance/catalogue", t -> get("/api/v1/maintenance/catalogue?annex=A&visitClass=QUARTER"),
                    200, EVERYONE),
            new Endpoint("POST /api/v1/maintenance/plans/{id}/on-demand", t -> post("/api/v1/maintenance/plans/"
                    + t.onDemandElevator + "/on-demand").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"intervalDays\":30,\"monitoringDevice\":\"IOT-9\"}"), 200, REGULATOR),
            new Endpoint("DELETE /api/v1/maintenance/plans/{id}/on-demand",
                    t -> delete("/api/v1/maintenance/plans/" + t.onDemandElevator + "/on-demand"), 200, REGULATOR),
            new Endpoint("POST /api/v1/maintenance/certificates", t -> post("/api/v1/maintenance/certificates")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":" + t.maintainerUser
                            + ",\"certificateNo\":\"T330105-MATRIX\",\"expiresOn\":\"2030-01-01\"}"),
                    200, Set.of("mcmanager", "admin")),
            new Endpoint("GET /api/v1/elevators/{id}/maintenance", t -> get("/api/v1/elevators/" + t.elevator + "/maintenance"),
                    200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /api/v1/inspections/overdue", t -> get("/api/v1/inspections/overdue"), 200, EVERYONE),
            new Endpoint("POST /api/v1/inspections (self-test)", t -> post("/api/v1/inspections")
                    .contentType(MediaType.APPLICATION_JSON).content(inspectionJson(t.elevator, "SELF_TEST")), 201,
                    Set.of("mcmanager")),
            new Endpoint("POST /api/v1/inspections (periodic)", t -> post("/api/v1/inspections")
                    .contentType(MediaType.APPLICATION_JSON).content(inspectionJson(t.elevator, "PERIODIC")), 201,
                    Set.of("inspector")),
            new Endpoint("GET /api/v1/elevators/{id}/check-in-code", t -> get("/api/v1/elevators/" + t.elevator
                    + "/check-in-code"), 200, Set.of("property", "admin")),
            new Endpoint("GET /api/v1/incidents", t -> get("/api/v1/incidents"), 200, EVERYONE),
            new Endpoint("GET /api/v1/incidents/{id}", t -> get("/api/v1/incidents/" + t.incident), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("POST /api/v1/incidents", t -> post("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"elevatorId\":" + t.incidentElevator + ",\"symptom\":\"NOISE\"}"), 201,
                    Set.of("property", "callcentre", "regulator")),
            new Endpoint("POST /api/v1/incidents/{id}/events (ARRIVED without the car's code)",
                    t -> post("/api/v1/incidents/" + t.incident + "/events").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"step\":\"ARRIVED\"}"), 400, Set.of("maintainer", "mcmanager"),
                    Set.of("maintainer2")),
            new Endpoint("POST /api/v1/incidents/{id}/events (FALSE_ALARM without a reason)",
                    t -> post("/api/v1/incidents/" + t.incident + "/events").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"step\":\"FALSE_ALARM\"}"), 400,
                    Set.of("regulator", "callcentre", "maintainer", "mcmanager"), Set.of("maintainer2")),
            new Endpoint("POST /api/v1/incidents/{id}/events (CONFIRMED before restored)",
                    t -> post("/api/v1/incidents/" + t.incident + "/events").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"step\":\"CONFIRMED\"}"), 409, Set.of("property"), Set.of("maintainer2")),
            new Endpoint("GET /api/v1/incidents/metrics", t -> get("/api/v1/incidents/metrics?month=2026-10"), 200,
                    EVERYONE),
            new Endpoint("GET /api/v1/incidents/rules", t -> get("/api/v1/incidents/rules"), 200, EVERYONE),
            new Endpoint("PUT /api/v1/incidents/rules/{district}", t -> put("/api/v1/incidents/rules/330105")
                    .contentType(MediaType.APPLICATION_JSON).content(AuthorizationMatrixIT.DEFAULT_RULE), 200,
                    Set.of("regulator", "admin")),
            new Endpoint("POST /api/v1/incidents/alarm-sources", t -> post("/api/v1/incidents/alarm-sources")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"matrix\"}"), 201, ADMIN),
            // machine alarms carry their own key; without it nobody, signed in or not, may raise one
            new Endpoint("POST /api/v1/incidents/alarms (no key)", t -> post("/api/v1/incidents/alarms")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"alarmId\":\"matrix\",\"elevatorId\":"
                            + t.incidentElevator + ",\"faultCode\":\"11\"}"), 401, EVERYONE),
            new Endpoint("GET /api/v1/notifications", t -> get("/api/v1/notifications"), 200, EVERYONE),
            new Endpoint("POST /api/v1/notifications/read", t -> post("/api/v1/notifications/read"), 204, EVERYONE),
            new Endpoint("GET /api/v1/repair-orders", t -> get("/api/v1/repair-orders"), 200, EVERYONE),
            new Endpoint("GET /api/v1/repair-orders/{id}", t -> get("/api/v1/repair-orders/" + t.repairOrder), 200,
                    EVERYONE, Set.of("maintainer2")),
            new Endpoint("POST /api/v1/repair-orders", t -> post("/api/v1/repair-orders")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"incidentId\":" + t.repairedIncident + "}"), 201,
                    Set.of("maintainer", "mcmanager"), Set.of("maintainer2")),
            new Endpoint("POST /api/v1/repair-orders/{id}/complete (incomplete)", t -> post("/api/v1/repair-orders/"
                    + t.repairOrder + "/complete").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
                    Set.of("maintainer", "mcmanager"), Set.of("maintainer2")),
            new Endpoint("GET /api/v1/parts", t -> get("/api/v1/parts?category=DOORS"), 200, EVERYONE),
            new Endpoint("PUT /api/v1/parts/{code}", t -> put("/api/v1/parts/MATRIX-1").contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"category":"PIT","nameZh":"矩阵测试件","nameEn":"Matrix part","guidePrice":10,
                             "labourHours":1,"expectedLifeYears":5}"""), 200, Set.of("regulator", "admin")),
            // anyone who scans the car's code, signed in or not; each call from an address of its own (rate limit)
            new Endpoint("POST /api/v1/public/elevators/{code}/reports", t -> post("/api/v1/public/elevators/"
                    + t.incidentCode + "/reports").with(freshClient()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"symptom\":\"NOISE\"}"), 201, EVERYONE),
            new Endpoint("GET /api/v1/public/reports/{token}", t -> get("/api/v1/public/reports/" + t.trackingToken), 200,
                    EVERYONE),
            new Endpoint("POST /api/v1/quotes", t -> post("/api/v1/quotes").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"elevatorIds\":[" + t.elevator + "]}"), 200,
                    Set.of("admin", "regulator", "insurer", "property", "owners")),
            new Endpoint("GET /api/v1/products", t -> get("/api/v1/products"), 200, EVERYONE),
            new Endpoint("GET /api/v1/ledger/trial-balance", t -> get("/api/v1/ledger/trial-balance?asOf=2026-03-31"), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /api/v1/ledger/trial-balance.xlsx", t -> get("/api/v1/ledger/trial-balance.xlsx?asOf=2026-03-31"),
                    200, Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /api/v1/ledger/accounts", t -> get("/api/v1/ledger/accounts?asOf=2026-03-31"), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /api/v1/ledger/accounts/{code}/statement", t -> get("/api/v1/ledger/accounts/"
                    + t.ledgerOwnAccount + "/statement?from=2026-03-01&to=2026-04-01"), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /api/v1/ledger/accounts/{another insurer's}/statement", t -> get("/api/v1/ledger/accounts/"
                    + t.ledgerOtherAccount + "/statement"), 200, Set.of("admin", "regulator", "insurer"),
                    Set.of("insurer")),
            new Endpoint("GET /api/v1/ledger/accounts/{code}/statement.xlsx", t -> get("/api/v1/ledger/accounts/"
                    + t.ledgerOwnAccount + "/statement.xlsx?from=2026-03-01&to=2026-04-01"), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /api/v1/ledger/accounts/{another insurer's}/statement.xlsx", t -> get("/api/v1/ledger/accounts/"
                    + t.ledgerOtherAccount + "/statement.xlsx"), 200, Set.of("admin", "regulator", "insurer"),
                    Set.of("insurer")),
            new Endpoint("GET /api/v1/policies", t -> get("/api/v1/policies"), 200, POLICY_READERS),
            new Endpoint("GET /api/v1/policies/{id}", t -> get("/api/v1/policies/" + t.policyIssued), 200, POLICY_READERS,
                    Set.of("owners")),
            new Endpoint("POST /api/v1/policies", t -> post("/api/v1/policies").contentType(MediaType.APPLICATION_JSON)
                    .content(policyJson(t.policyFreeElevator)), 201, Set.of("insurer", "property", "owners"),
                    Set.of("owners")),
            new Endpoint("POST /api/v1/policies/{id}/acceptances", t -> post("/api/v1/policies/" + t.policyQuoted
                    + "/acceptances"), 200, Set.of("insurer", "mcmanager", "property")),
            new Endpoint("POST /api/v1/policies/{id}/issue", t -> post("/api/v1/policies/" + t.policyBound + "/issue"), 200,
                    Set.of("insurer")),
            new Endpoint("POST /api/v1/policies/{id}/endorsements", t -> post("/api/v1/policies/" + t.policyIssued
                    + "/endorsements").contentType(MediaType.APPLICATION_JSON).content("{\"remove\":[" + t.policyRemoved
                    + "],\"effectiveOn\":\"" + java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE).plusDays(10)
                    + "\"}"), 200, Set.of("insurer")),
            new Endpoint("POST /api/v1/policies/{id}/renewal", t -> post("/api/v1/policies/" + t.policyIssued + "/renewal"),
                    201, Set.of("insurer", "property"), Set.of(), Map.of("property", 409)),
            new Endpoint("GET /api/v1/policies/{id}/invoices", t -> get("/api/v1/policies/" + t.policyIssued + "/invoices"),
                    200, Set.of("admin", "regulator", "insurer", "property", "owners"), Set.of("owners")),
            new Endpoint("GET /api/v1/invoices", t -> get("/api/v1/invoices"), 200, BILLING_READERS),
            new Endpoint("GET /api/v1/invoices/{id}", t -> get("/api/v1/invoices/" + t.policyInvoice), 200, BILLING_READERS,
                    Set.of("owners")),
            new Endpoint("POST /api/v1/invoices/{id}/payments", t -> post("/api/v1/invoices/" + t.policyInvoice
                    + "/payments").contentType(MediaType.APPLICATION_JSON).content(
                    "{\"amount\":1.00,\"idempotencyKey\":\"matrix-pay-" + t.policyInvoice + "\"}"), 200, Set.of("insurer")),
            new Endpoint("GET /api/v1/elevators/{id}/cover", t -> get("/api/v1/elevators/" + t.policyFreeElevator + "/cover"),
                    200, EVERYONE, Set.of("maintainer2", "owners")),
            new Endpoint("GET /api/v1/surveys/due", t -> get("/api/v1/surveys/due"), 200, POLICY_READERS),
            new Endpoint("POST /api/v1/surveys", t -> post("/api/v1/surveys").contentType(MediaType.APPLICATION_JSON)
                    .content(passJson(t.policyFreeElevator)), 201, Set.of("supervisor")),
            new Endpoint("GET /api/v1/surveys/{id}", t -> get("/api/v1/surveys/" + t.policyRectify), 200, POLICY_READERS,
                    Set.of("owners")),
            new Endpoint("POST /api/v1/surveys/{id}/rectification", t -> post("/api/v1/surveys/" + t.policyRectify
                    + "/rectification"), 200, Set.of("supervisor")),
            new Endpoint("POST /api/v1/surveys/photos", t -> multipart("/api/v1/surveys/photos")
                    .file(new MockMultipartFile("file", "p.png", "image/png", PNG)), 201, Set.of("supervisor")),
            new Endpoint("POST /api/v1/policies/{id}/cancellation", t -> post("/api/v1/policies/" + t.policyIssued
                    + "/cancellation").contentType(MediaType.APPLICATION_JSON).content("{\"effectiveOn\":\""
                    + java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE).plusDays(20)
                    + "\",\"reason\":\"矩阵测试\"}"), 200, Set.of("insurer", "property"), Set.of(),
                    Map.of("property", 409)),
            new Endpoint("GET /api/v1/policies/{id}/certificate.pdf", t -> get("/api/v1/policies/" + t.pdfPolicy
                    + "/certificate.pdf"), 200, Set.of("admin", "regulator", "insurer", "supervisor", "mcmanager",
                    "property", "owners"), Set.of("owners")),
            new Endpoint("GET /api/v1/invoices/{id}.pdf", t -> get("/api/v1/invoices/" + t.pdfInvoice + ".pdf"), 200,
                    Set.of("admin", "regulator", "insurer", "property", "owners"), Set.of("owners")),
            new Endpoint("POST /api/v1/claims", t -> post("/api/v1/claims").contentType(MediaType.APPLICATION_JSON)
                    .content(claimJson(t.claimFilingElevator, t.claimPart, "matrix-claim-" + SERIAL.incrementAndGet())),
                    201, Set.of("mcmanager", "insurer")),
            new Endpoint("GET /api/v1/claims", t -> get("/api/v1/claims?queue=true&rule=price"), 200, claimReaders()),
            new Endpoint("GET /api/v1/claims/{id}", t -> get("/api/v1/claims/" + t.claimReferred), 200, claimReaders(),
                    Set.of("owners")),
            new Endpoint("POST /api/v1/claims/{id}/decisions (no reason)", t -> post("/api/v1/claims/" + t.claimReferred
                    + "/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\"}"), 400,
                    Set.of("insurer", "supervisor")),
            new Endpoint("GET /api/v1/claims/metrics", t -> get("/api/v1/claims/metrics"), 200, claimReaders()),
            new Endpoint("GET /api/v1/claims/payouts", t -> get("/api/v1/claims/payouts"), 200, claimReaders()),
            new Endpoint("GET /api/v1/elevators/{id}/pension", t -> get("/api/v1/elevators/" + t.elevator + "/pension"), 200,
                    pensionReaders()),
            new Endpoint("GET /api/v1/pension/projection", t -> get("/api/v1/pension/projection?community=" + t.xiaohe), 200,
                    pensionReaders()),
            new Endpoint("GET /api/v1/pension/cases", t -> get("/api/v1/pension/cases"), 200, pensionReaders()),
            new Endpoint("GET /api/v1/pension/cases/{id}", t -> get("/api/v1/pension/cases/" + t.pensionCase), 200,
                    pensionReaders()),
            new Endpoint("POST /api/v1/pension/cases (no component)", t -> post("/api/v1/pension/cases")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + t.elevator + "}"), 400,
                    Set.of("property", "mcmanager")),
            new Endpoint("POST /api/v1/pension/cases/{id}/assessment (empty)", t -> post("/api/v1/pension/cases/"
                    + t.pensionCase + "/assessment").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
                    Set.of("supervisor", "inspector")),
            new Endpoint("POST /api/v1/pension/cases/{id}/quotations (empty)", t -> post("/api/v1/pension/cases/"
                    + t.pensionCase + "/quotations").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
                    Set.of("property", "mcmanager")),
            new Endpoint("POST /api/v1/pension/cases/{id}/approval (empty)", t -> post("/api/v1/pension/cases/"
                    + t.pensionCase + "/approval").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
                    Set.of("owners")),
            new Endpoint("POST /api/v1/pension/cases/{id}/decision (no reason)", t -> post("/api/v1/pension/cases/"
                    + t.pensionCase + "/decision").contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"APPROVE\"}"),
                    400, Set.of("insurer")),
            new Endpoint("POST /api/v1/pension/cases/{id}/completion (not approved)", t -> post("/api/v1/pension/cases/"
                    + t.pensionCase + "/completion").contentType(MediaType.APPLICATION_JSON).content("{}"), 409,
                    Set.of("property", "mcmanager")),
            new Endpoint("GET /api/v1/quality/scores", t -> get("/api/v1/quality/scores?level=company&period="
                    + t.qualityClosed), 200, EVERYONE),
            new Endpoint("GET /api/v1/quality/scores/{company}/{period}/breakdown", t -> get("/api/v1/quality/scores/"
                    + t.qualityCompany + "/" + t.qualityClosed + "/breakdown"), 200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /api/v1/quality/scores/{company}/{period}/records", t -> get("/api/v1/quality/scores/"
                    + t.qualityCompany + "/" + t.qualityClosed + "/records?indicator=ON_TIME"), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("GET /api/v1/quality/periods", t -> get("/api/v1/quality/periods"), 200, EVERYONE),
            new Endpoint("POST /api/v1/quality/periods/{period}/scores", t -> post("/api/v1/quality/periods/"
                    + t.qualityOpen + "/scores"), 200, Set.of("admin", "regulator")),
            new Endpoint("POST /api/v1/quality/periods/{period}/close", t -> post("/api/v1/quality/periods/"
                    + t.qualityClosed + "/close"), 200, Set.of("admin", "regulator")),
            new Endpoint("GET /api/v1/quality/standards", t -> get("/api/v1/quality/standards"), 200, EVERYONE),
            new Endpoint("POST /api/v1/quality/standards (invalid)", t -> post("/api/v1/quality/standards")
                    .contentType(MediaType.APPLICATION_JSON).content(AuthorizationMatrixIT.QUALITY_BAD_STANDARD), 400,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("POST /api/v1/quality/spot-checks (no items)", t -> post("/api/v1/quality/spot-checks")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + t.qualityElevator
                            + ",\"items\":{},\"recordMatches\":true}"), 400, Set.of("supervisor")),
            new Endpoint("GET /api/v1/quality/spot-checks/sample", t -> get("/api/v1/quality/spot-checks/sample?size=4&seed=1"),
                    200, Set.of("supervisor")),
            new Endpoint("GET /api/v1/quality/spot-checks/{id}", t -> get("/api/v1/quality/spot-checks/" + t.qualitySpotCheck),
                    200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("POST /api/v1/public/elevators/{code}/votes", t -> post("/api/v1/public/elevators/" + t.code
                    + "/votes").contentType(MediaType.APPLICATION_JSON).content("{\"cleanliness\":4,\"running\":4,\"response\":5}")
                    .with(qualityClient()), 201, EVERYONE),
            new Endpoint("POST /api/v1/quality/vetoes (no evidence)", t -> post("/api/v1/quality/vetoes")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"companyId\":" + t.qualityCompany
                            + ",\"kind\":\"LIABILITY_ACCIDENT\",\"occurredOn\":\"2026-01-05\"}"), 400, REGULATOR),
            new Endpoint("GET /api/v1/reports", t -> get("/api/v1/reports"), 200, dashboardReportMakers()),
            new Endpoint("GET /api/v1/reports/{id}", t -> get("/api/v1/reports/" + t.dashboardReport), 200,
                    dashboardReportMakers(), Set.of("regulator", "property", "owners")),
            // a year is a community report's period: a monthly report's makers are told it is not a month
            new Endpoint("POST /api/v1/reports (a year)", t -> post("/api/v1/reports").param("period", "2025"), 202,
                    dashboardReportMakers(), Set.of(), Map.of("regulator", 400, "insurer", 400)));


    static String policyJson(long elevator) {
        return "{\"elevatorIds\":[" + elevator + "],\"termStart\":\""
                + java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE)
                + "\",\"payers\":[{\"source\":\"MAINTENANCE_FUND\",\"percent\":100}],\"insurerId\":"
                + POLICY_INSURER.get() + "}";
    }

    static final java.util.concurrent.atomic.AtomicLong POLICY_INSURER = new java.util.concurrent.atomic.AtomicLong();

    static String passJson(long elevator) {
        StringBuilder items = new StringBuilder();
        for (cn.liftcare.policies.SurveyItem item : cn.liftcare.policies.SurveyItem.values()) {
            items.append(items.isEmpty() ? "" : ",").append("{\"item\":\"").append(item).append("\",\"result\":\"OK\"}");
        }
        return "{\"elevatorId\":" + elevator + ",\"outcome\":\"PASS\",\"items\":[" + items + "]}";
    }

    /** Policies on new elevators of 矩阵测试苑 (运河电梯): quoted and surveyed, bound, and issued. */
    long policyFreeElevator;
    /** Left for the survey and billing pages' fixture. */
    long policySpareElevator;
    long policyPdfElevator;
    long policyQuoted;
    long policyBound;
    long policyIssued;
    long policyRemoved;
    long policyInvoice;
    long policyRectify;

    /** Called at the end of {@link #ids()}, which it builds on. */
    void policies() throws Exception {
        long company = new DemoData(jdbc).organization("运河电梯");
        POLICY_INSURER.set(new DemoData(jdbc).organization("浙商财险"));
        List<Long> lifts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String body = elevatorJson(testCommunity).replace("\"unit\":\"1单元\"",
                    "\"unit\":\"1单元\",\"maintenanceCompanyId\":" + company);
            String created = mvc.perform(post("/api/v1/elevators").with(users.as("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
            lifts.add(((Number) JsonPath.read(created, "$.id")).longValue());
        }
        policyFreeElevator = lifts.get(6);
        policySpareElevator = lifts.get(7);
        policyPdfElevator = lifts.get(8);
        for (long lift : lifts.subList(0, 6)) {
            mvc.perform(post("/api/v1/surveys").with(users.as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                    .content(passJson(lift)));
        }
        policyQuoted = quoted(lifts.subList(0, 1));
        policyBound = quoted(lifts.subList(1, 2));
        policyIssued = quoted(lifts.subList(2, 4));
        policyRemoved = lifts.get(3);
        for (long policy : List.of(policyBound, policyIssued)) {
            for (String party : List.of("property", "mcmanager", "insurer")) {
                mvc.perform(post("/api/v1/policies/" + policy + "/acceptances").with(users.as(party)));
            }
        }
        mvc.perform(post("/api/v1/policies/" + policyIssued + "/issue").with(users.as("insurer")));
        policyInvoice = jdbc.sql("SELECT min(id) FROM premium_invoice WHERE policy_id = :p").param("p", policyIssued)
                .query(Long.class).single();
        String photo = mvc.perform(multipart("/api/v1/surveys/photos").file(new MockMultipartFile("file", "p.png",
                "image/png", PNG)).with(users.as("supervisor"))).andReturn().getResponse().getContentAsString();
        String rectify = passJson(lifts.get(4)).replace("\"PASS\"", "\"RECTIFY\"")
                .replace("{\"item\":\"DOORS\",\"result\":\"OK\"}", "{\"item\":\"DOORS\",\"result\":\"DEFECT\",\"note\":\"门锁\"}")
                .replace("]}", "],\"rectification\":\"更换门锁\",\"photoIds\":[" + JsonPath.read(photo, "$.id") + "]}");
        String survey = mvc.perform(post("/api/v1/surveys").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content(rectify)).andReturn().getResponse().getContentAsString();
        policyRectify = ((Number) JsonPath.read(survey, "$.id")).longValue();
    }

    long quoted(List<Long> lifts) throws Exception {
        String body = policyJson(lifts.get(0)).replace("[" + lifts.get(0) + "]",
                lifts.toString().replace(" ", ""));
        String created = mvc.perform(post("/api/v1/policies").with(users.as("insurer"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.policy.id")).longValue();
    }

    static final String DEFAULT_RULE = """
            {"acceptMinutes":5,"arrivalMinutes":30,"escalatePercent":67,"restoreEntrapmentMinutes":120,
             "restoreOutOfServiceMinutes":1440,"restoreHazardMinutes":2880,"restoreMinorMinutes":10080}""";
    static final AtomicInteger CLIENT = new AtomicInteger();

    @Autowired CheckInTokens tokens;
    /** A dispatched incident (a noise) on a 小河佳苑 elevator of 运河电梯, and its elevator. */
    long incident;
    long incidentElevator;
    String incidentCode;
    String trackingToken;
    /** An incident of 运河电梯 reached with the car's code, and its repair order. */
    long repairedIncident;
    long repairOrder;

    static org.springframework.test.web.servlet.request.RequestPostProcessor freshClient() {
        int n = CLIENT.incrementAndGet();
        String address = "10.99." + (n / 250) + "." + (n % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @BeforeAll
    void incidents() throws Exception {
        List<Long> free = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND e.status = 'IN_SERVICE'
                  AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id
                                  AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM'))
                ORDER BY e.id DESC LIMIT 2""").query(Long.class).list();
        incidentElevator = free.get(0);
        incidentCode = new DemoData(jdbc).registrationCode(incidentElevator);
        String receipt = mvc.perform(post("/api/v1/public/elevators/" + incidentCode + "/reports").with(freshClient())
                .contentType(MediaType.APPLICATION_JSON).content("{\"symptom\":\"NOISE\"}"))
                .andReturn().getResponse().getContentAsString();
        incident = ((Number) JsonPath.read(receipt, "$.incidentId")).longValue();
        trackingToken = JsonPath.read(receipt, "$.trackingToken");
        long repaired = free.get(1);
        String reported = mvc.perform(post("/api/v1/incidents").with(users.as("callcentre"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + repaired + ",\"symptom\":\"STOPPED\"}"))
                .andReturn().getResponse().getContentAsString();
        repairedIncident = ((Number) JsonPath.read(reported, "$.incidentId")).longValue();
        for (String step : List.of("{\"step\":\"ACCEPTED\"}", "{\"step\":\"ARRIVED\",\"token\":\""
                + tokens.current(new cn.liftcare.registry.ElevatorId(repaired)) + "\"}")) {
            mvc.perform(post("/api/v1/incidents/" + repairedIncident + "/events").with(users.as("maintainer"))
                    .contentType(MediaType.APPLICATION_JSON).content(step));
        }
        String order = mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"incidentId\":" + repairedIncident + "}"))
                .andReturn().getResponse().getContentAsString();
        repairOrder = ((Number) JsonPath.read(order, "$.id")).longValue();
    }


    static String inspectionJson(long elevator, String kind) {
        return "{\"elevatorId\":" + elevator + ",\"kind\":\"" + kind + "\",\"inspectedOn\":\""
                + java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE) + "\",\"result\":\"PASS\"}";
    }

    static final List<Endpoint> PAGES = List.of(
            new Endpoint("GET /", t -> get("/"), 200, EVERYONE),
            new Endpoint("GET /elevators", t -> get("/elevators"), 200, EVERYONE),
            new Endpoint("GET /elevators/{id}", t -> get("/elevators/" + t.elevator), 200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /elevators/{id}/qr.svg", t -> get("/elevators/" + t.elevator + "/qr.svg"), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("GET /elevators/export.xlsx", t -> get("/elevators/export.xlsx?community=小河佳苑"), 200, EVERYONE),
            new Endpoint("GET /elevators/new", t -> get("/elevators/new"), 200, EDITORS),
            new Endpoint("POST /elevators/new", t -> post("/elevators/new").with(csrf()).param("brand", ""), 200, EDITORS),
            new Endpoint("GET /elevators/{id}/edit", t -> get("/elevators/" + t.elevator + "/edit"), 200, EDITORS),
            new Endpoint("POST /elevators/{id}/edit", t -> post("/elevators/" + t.elevator + "/edit").with(csrf())
                    .param("brand", ""), 200, EDITORS),
            new Endpoint("GET /elevators/import", t -> get("/elevators/import"), 200, IMPORTERS),
            new Endpoint("POST /elevators/import", t -> multipart("/elevators/import").file(new MockMultipartFile("file",
                    "bad.txt", null, "not a workbook".getBytes())).with(csrf()), 200, IMPORTERS),
            new Endpoint("GET /elevators/import/template.xlsx", t -> get("/elevators/import/template.xlsx"), 200, IMPORTERS),
            new Endpoint("GET /communities", t -> get("/communities"), 200, EVERYONE),
            new Endpoint("GET /organizations", t -> get("/organizations"), 200, EVERYONE),
            new Endpoint("GET /organizations/new", t -> get("/organizations/new"), 200, REGISTRARS),
            new Endpoint("POST /organizations/new", t -> post("/organizations/new").with(csrf()).param("name", ""), 200,
                    REGISTRARS),
            new Endpoint("GET /admin/users", t -> get("/admin/users"), 200, ADMIN),
            new Endpoint("GET /admin/users/new", t -> get("/admin/users/new"), 200, ADMIN),
            new Endpoint("POST /admin/users/new", t -> post("/admin/users/new").with(csrf()).param("username", "x"), 200, ADMIN),
            new Endpoint("POST /admin/users/{id}/unlock", t -> post("/admin/users/" + t.regulatorUser + "/unlock").with(csrf()),
                    302, ADMIN),
            new Endpoint("GET /audit", t -> get("/audit"), 200, REGULATOR),
            new Endpoint("POST /audit/verify", t -> post("/audit/verify").with(csrf()), 200, REGULATOR),
            new Endpoint("GET /p/{code}", t -> get("/p/" + t.code), 200, EVERYONE),
            new Endpoint("GET /p/{code}/qr.svg", t -> get("/p/" + t.code + "/qr.svg"), 200, EVERYONE),
            new Endpoint("GET /p/{code}/maintenance", t -> get("/p/" + t.code + "/maintenance"), 200, EVERYONE),
            new Endpoint("GET /m", t -> get("/m"), 200, FIELD),
            new Endpoint("GET /m/check-in", t -> get("/m/check-in?e=" + t.code), 200, FIELD, Set.of("maintainer2")),
            new Endpoint("POST /m/check-in", t -> post("/m/check-in").with(csrf()).param("e", t.code), 302, FIELD,
                    Set.of("maintainer2"), Map.of("mcmanager", 409)),
            new Endpoint("GET /m/visits/{id}", t -> get("/m/visits/" + t.visit), 200, FIELD, Set.of("maintainer2")),
            new Endpoint("POST /m/visits/{id}", t -> post("/m/visits/" + t.visit).with(csrf())
                    .param("startedAt", "2026-01-01T00:00:00Z").param("submissionKey", "matrix-page"), 200, FIELD,
                    Set.of("maintainer2")),
            new Endpoint("POST /m/photos", t -> multipart("/m/photos").file(new MockMultipartFile("file", "p.png", "image/png", PNG))
                    .param("code", "A-4-06").with(csrf()), 200, FIELD),
            new Endpoint("GET /maintenance/photos/{id}", t -> get("/maintenance/photos/" + t.photo), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("GET /maintenance/board", t -> get("/maintenance/board"), 200, Set.of("mcmanager")),
            new Endpoint("POST /maintenance/board/plan", t -> post("/maintenance/board/plan").with(csrf())
                    .param("elevatorId", String.valueOf(t.elevator)).param("plannedOn",
                            java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE).plusDays(4).toString()), 302,
                    Set.of("mcmanager")),
            new Endpoint("GET /maintenance/confirmations", t -> get("/maintenance/confirmations"), 200, CONFIRMERS),
            new Endpoint("POST /maintenance/visits/{missing}/confirm", t -> post("/maintenance/visits/999999999/confirm")
                    .with(csrf()), 404, CONFIRMERS),
            new Endpoint("GET /maintenance/visits/{id}", t -> get("/maintenance/visits/" + t.visit), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("GET /maintenance/supervision", t -> get("/maintenance/supervision"), 200,
                    Set.of("regulator", "supervisor", "admin", "mcmanager")),
            new Endpoint("GET /maintenance/elevators/{id}", t -> get("/maintenance/elevators/" + t.elevator), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("POST /maintenance/elevators/{id}/inspections", t -> post("/maintenance/elevators/" + t.elevator
                    + "/inspections").with(csrf()).param("inspectedOn", java.time.LocalDate.now(
                            cn.liftcare.shared.LiftCareTime.ZONE).toString()).param("result", "PASS"), 200,
                    Set.of("inspector", "mcmanager")),
            new Endpoint("GET /elevators/{id}/check-in-code", t -> get("/elevators/" + t.elevator + "/check-in-code"), 200,
                    Set.of("property", "admin")),
            new Endpoint("GET /p/{code}/report", t -> get("/p/" + t.code + "/report"), 200, EVERYONE),
            new Endpoint("GET /p/{unknown}/report", t -> get("/p/00000000000000000000/report"), 404, EVERYONE),
            new Endpoint("POST /p/{code}/report (no symptom)", t -> multipart("/p/" + t.code + "/report")
                    .param("description", "matrix").with(csrf()), 200, EVERYONE),
            new Endpoint("GET /t/{token}", t -> get("/t/" + t.pageTrackingToken), 200, EVERYONE),
            new Endpoint("GET /t/{unknown}", t -> get("/t/no-such-token"), 404, EVERYONE),
            new Endpoint("GET /incidents", t -> get("/incidents"), 200, EVERYONE),
            new Endpoint("GET /incidents/rows", t -> get("/incidents/rows?open=true&breached=false"), 200, EVERYONE),
            new Endpoint("GET /incidents/{id}", t -> get("/incidents/" + t.pageIncident), 200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /incidents/photos/{report}", t -> get("/incidents/photos/" + t.pageIncidentReport), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("POST /incidents/{id}/steps (false alarm without reason)", t -> post("/incidents/" + t.pageIncident
                    + "/steps").with(csrf()).param("step", "FALSE_ALARM"), 302,
                    Set.of("regulator", "callcentre", "maintainer", "mcmanager"), Set.of("maintainer2")),
            new Endpoint("POST /incidents/{id}/repair-order", t -> post("/incidents/" + t.pageIncident + "/repair-order")
                    .with(csrf()), 302, Set.of("maintainer", "mcmanager"), Set.of("maintainer2")),
            new Endpoint("GET /incidents/arrive", t -> get("/incidents/arrive?e=" + t.pageIncidentCode + "&t=matrix"), 200, FIELD,
                    Set.of("maintainer2")),
            new Endpoint("GET /incidents/new", t -> get("/incidents/new"), 200, Set.of("property", "callcentre", "regulator")),
            new Endpoint("POST /incidents/new (unknown elevator)", t -> post("/incidents/new").with(csrf())
                    .param("registrationCode", "00000000000000000000").param("symptom", "NOISE"), 200, Set.of("property", "callcentre", "regulator")),
            new Endpoint("GET /incidents/metrics", t -> get("/incidents/metrics?by=COMMUNITY"), 200, EVERYONE),
            new Endpoint("GET /incidents/rules", t -> get("/incidents/rules"), 200, EVERYONE),
            new Endpoint("POST /incidents/rules/{district} (out of range)", t -> post("/incidents/rules/330105").with(csrf())
                    .param("acceptMinutes", "0"), 200, Set.of("regulator", "admin")),
            new Endpoint("GET /repair-orders", t -> get("/repair-orders"), 200, EVERYONE),
            new Endpoint("GET /repair-orders/{id}", t -> get("/repair-orders/" + t.pageRepairOrder), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("POST /repair-orders/{id}/complete (no diagnosis)", t -> post("/repair-orders/" + t.pageRepairOrder
                    + "/complete").with(csrf()).param("diagnosis", ""), 200, Set.of("maintainer", "mcmanager"),
                    Set.of("maintainer2")),
            new Endpoint("GET /repair-orders/parts", t -> get("/repair-orders/parts?q=TM"), 200, EVERYONE),
            new Endpoint("GET /notices", t -> get("/notices"), 200, EVERYONE),
            new Endpoint("GET /notices/badge", t -> get("/notices/badge"), 200, EVERYONE),
            new Endpoint("POST /notices/read", t -> post("/notices/read").with(csrf()), 302, EVERYONE),
            new Endpoint("GET /ledger", t -> get("/ledger?asOf=2026-03-31"), 200, Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /ledger/trial-balance.xlsx", t -> get("/ledger/trial-balance.xlsx?asOf=2026-03-31"), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /ledger/accounts/{code}", t -> get("/ledger/accounts/" + t.ledgerOwnAccount), 200,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /ledger/accounts/{another insurer's}", t -> get("/ledger/accounts/" + t.ledgerOtherAccount),
                    200, Set.of("admin", "regulator", "insurer"), Set.of("insurer")),
            new Endpoint("GET /ledger/accounts/{code}/statement.xlsx", t -> get("/ledger/accounts/" + t.ledgerOwnAccount
                    + "/statement.xlsx"), 200, Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /surveys", t -> get("/surveys"), 200,
                    Set.of("supervisor", "insurer", "regulator", "admin", "property", "owners")),
            new Endpoint("GET /surveys/new", t -> get("/surveys/new?elevator=" + t.elevator), 200, Set.of("supervisor")),
            new Endpoint("POST /surveys/new (no outcome)", t -> multipart("/surveys/new").param("elevator",
                    String.valueOf(t.elevator)).param("outcome", "").with(csrf()), 200, Set.of("supervisor")),
            new Endpoint("GET /surveys/{id}", t -> get("/surveys/" + t.billingSurvey), 200,
                    Set.of("supervisor", "insurer", "regulator", "admin", "property", "owners"), Set.of("owners")),
            new Endpoint("POST /surveys/{id}/rectification (nothing to rectify)", t -> post("/surveys/" + t.billingSurvey
                    + "/rectification").with(csrf()), 200, Set.of("supervisor")),
            new Endpoint("GET /surveys/photos/{id}", t -> get("/surveys/photos/" + t.billingPhoto), 200,
                    Set.of("supervisor", "insurer", "regulator", "admin", "property", "owners"), Set.of("owners")),
            new Endpoint("GET /billing", t -> get("/billing"), 200,
                    Set.of("admin", "regulator", "insurer", "property", "owners")),
            new Endpoint("GET /invoices/{id}", t -> get("/invoices/" + t.billingInvoice), 200,
                    Set.of("admin", "regulator", "insurer", "property", "owners"), Set.of("owners")),
            new Endpoint("POST /invoices/{id}/payments (no amount)", t -> post("/invoices/" + t.billingInvoice
                    + "/payments").with(csrf()).param("amount", "").param("idempotencyKey", "matrix-page"), 200,
                    Set.of("insurer")),
            new Endpoint("GET /policies", t -> get("/policies"), 200,
                    Set.of("admin", "regulator", "insurer", "supervisor", "mcmanager", "property", "owners")),
            new Endpoint("GET /policies/new", t -> get("/policies/new"), 200, Set.of("insurer", "property", "owners")),
            new Endpoint("GET /policies/new/elevators", t -> get("/policies/new/elevators?community=" + t.xiaohe), 200,
                    Set.of("insurer", "property", "owners")),
            new Endpoint("POST /policies/new/price", t -> post("/policies/new/price").with(csrf())
                    .param("elevatorIds", String.valueOf(t.policyPageElevator)), 200, Set.of("insurer", "property", "owners")),
            new Endpoint("POST /policies/new (payers at 50%)", t -> post("/policies/new").with(csrf())
                    .param("elevatorIds", String.valueOf(t.policyPageElevator))
                    .param("termStart", java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE).toString())
                    .param("payer_MAINTENANCE_FUND", "50"), 200, Set.of("insurer", "property", "owners")),
            new Endpoint("GET /policies/{id}", t -> get("/policies/" + t.policyPageId), 200,
                    Set.of("admin", "regulator", "insurer", "supervisor", "mcmanager", "property", "owners")),
            new Endpoint("POST /policies/{id}/accept (not surveyed)", t -> post("/policies/" + t.policyPageId + "/accept")
                    .with(csrf()), 302, Set.of("insurer", "mcmanager", "property")),
            new Endpoint("POST /policies/{id}/issue (not bound)", t -> post("/policies/" + t.policyPageId + "/issue")
                    .with(csrf()), 302, Set.of("insurer")),
            new Endpoint("POST /policies/{id}/endorse (nothing chosen)", t -> post("/policies/" + t.policyPageId
                    + "/endorse").with(csrf()), 302, Set.of("insurer")),
            new Endpoint("POST /policies/{id}/renew (not issued)", t -> post("/policies/" + t.policyPageId + "/renew")
                    .with(csrf()), 302, Set.of("insurer", "property")),
            new Endpoint("POST /policies/{id}/cancel (no date)", t -> post("/policies/" + t.policyPageId + "/cancel")
                    .with(csrf()).param("reason", "matrix"), 302, Set.of("insurer", "property")),
            new Endpoint("GET /claims", t -> get("/claims"), 200, claimReaders()),
            new Endpoint("GET /claims (queue, price)", t -> get("/claims?queue=true&rule=price"), 200, claimReaders()),
            new Endpoint("GET /claims/{id}", t -> get("/claims/" + t.claimReferred), 200, claimReaders(), Set.of("owners")),
            new Endpoint("POST /claims/{id}/decisions (no reason)", t -> post("/claims/" + t.claimReferred + "/decisions")
                    .with(csrf()).param("action", "APPROVE").param("reason", "").param("idempotencyKey", "matrix-claim-page"),
                    200, Set.of("insurer", "supervisor")),
            new Endpoint("GET /claims/new", t -> get("/claims/new"), 200, Set.of("mcmanager", "insurer")),
            new Endpoint("POST /claims/new (no parts)", t -> post("/claims/new").with(csrf())
                    .param("elevator", String.valueOf(t.claimFilingElevator)).param("section", "PARTS")
                    .param("idempotencyKey", "matrix-claim-page"), 200, Set.of("mcmanager", "insurer")),
            new Endpoint("GET /claims/payouts", t -> get("/claims/payouts"), 200, claimReaders()),
            new Endpoint("GET /claims/metrics", t -> get("/claims/metrics"), 200, claimReaders()),
            new Endpoint("GET /pension/cases", t -> get("/pension/cases"), 200, pensionReaders()),
            new Endpoint("GET /pension/cases/{id}", t -> get("/pension/cases/" + t.pensionCase), 200, pensionReaders()),
            new Endpoint("GET /pension/cases/new", t -> get("/pension/cases/new"), 200, Set.of("property", "mcmanager")),
            new Endpoint("GET /pension/projection", t -> get("/pension/projection?community=" + t.xiaohe), 200,
                    pensionReaders()),
            new Endpoint("GET /elevators/{id}/pension (section)", t -> get("/elevators/" + t.elevator + "/pension"), 200,
                    EVERYONE),
            new Endpoint("GET /quality", t -> get("/quality"), 200, EVERYONE),
            new Endpoint("GET /quality/companies/{company}/{period}", t -> get("/quality/companies/" + t.qualityCompany + "/"
                    + t.qualityClosed), 200, EVERYONE, Set.of("maintainer2")),
            new Endpoint("GET /quality/companies/{company}/{period}/records", t -> get("/quality/companies/"
                    + t.qualityCompany + "/" + t.qualityClosed + "/records?indicator=RESCUE"), 200, EVERYONE,
                    Set.of("maintainer2")),
            new Endpoint("POST /quality/periods/{period}/scores", t -> post("/quality/periods/" + t.qualityOpen + "/scores")
                    .with(csrf()), 302, Set.of("admin", "regulator")),
            new Endpoint("GET /quality/spot-checks", t -> get("/quality/spot-checks"), 200, Set.of("supervisor")),
            new Endpoint("GET /quality/spot-checks/new", t -> get("/quality/spot-checks/new?as=RISK&elevator="
                    + t.qualityElevator), 200, Set.of("supervisor")),
            new Endpoint("POST /quality/spot-checks (no items)", t -> post("/quality/spot-checks").with(csrf())
                    .param("elevatorId", String.valueOf(t.qualityElevator)).param("key", "matrix-" + SERIAL.incrementAndGet())
                    .param("recordMatches", "true"), 400, Set.of("supervisor")),
            new Endpoint("GET /quality/standards", t -> get("/quality/standards"), 200, Set.of("admin", "regulator", "insurer")),
            new Endpoint("POST /quality/standards (invalid)", t -> post("/quality/standards").with(csrf())
                    .param("version", "bad version").param("effectiveFrom", "2020-01-01"), 400,
                    Set.of("admin", "regulator", "insurer")),
            new Endpoint("GET /p/{code}/rate", t -> get("/p/" + t.code + "/rate"), 200, EVERYONE),
            new Endpoint("POST /p/{code}/rate (no stars)", t -> post("/p/" + t.code + "/rate").with(csrf())
                    .with(qualityClient()), 400, EVERYONE),
            new Endpoint("GET /reports", t -> get("/reports"), 200, dashboardReportMakers()),
            new Endpoint("POST /reports (a year)", t -> post("/reports").with(csrf()).param("period", "2025"), 302,
                    dashboardReportMakers(), Set.of(), Map.of("regulator", 200, "insurer", 200)),
            new Endpoint("GET /reports/{id}/status", t -> get("/reports/" + t.dashboardReport + "/status"), 200,
                    dashboardReportMakers(), Set.of("regulator", "property", "owners")),
            new Endpoint("GET /reports/{id}.pdf", t -> get("/reports/" + t.dashboardReport + ".pdf"), 200,
                    dashboardReportMakers(), Set.of("regulator", "property", "owners")),
            new Endpoint("GET /reports/{id}.xlsx", t -> get("/reports/" + t.dashboardReport + ".xlsx"), 200,
                    dashboardReportMakers(), Set.of("regulator", "property", "owners")),
            // the veto records: everyone sees those in reach (a company its own); only the regulator records one
            new Endpoint("GET /quality/vetoes", t -> get("/quality/vetoes"), 200, EVERYONE),
            new Endpoint("GET /quality/vetoes (a company, a period)", t -> get("/quality/vetoes?company="
                    + t.qualityCompany + "&period=" + t.qualityClosed), 200, EVERYONE),
            new Endpoint("POST /quality/vetoes (no evidence)", t -> post("/quality/vetoes").with(csrf())
                    .param("companyId", String.valueOf(t.qualityCompany)).param("kind", "LIABILITY_ACCIDENT")
                    .param("occurredOn", "2026-01-05"), 400, REGULATOR),
            // a community's pension page: 小河佳苑, and a community 人保财险 insures that nobody of 小河佳苑 or 运河电梯 reaches
            new Endpoint("GET /pension/communities/{id}", t -> get("/pension/communities/" + t.xiaohe), 200,
                    pensionReaders()),
            new Endpoint("GET /pension/communities/{another insurer's}", t -> get("/pension/communities/"
                    + t.pensionOtherCommunity), 200, pensionReaders(), Set.of("insurer", "mcmanager", "property", "owners")));

    // the survey and billing pages' fixture: a policy issued on a 小河佳苑 elevator of 运河电梯, surveyed with a photo
    @Autowired cn.liftcare.policies.PolicyWork billingPolicies;
    @Autowired cn.liftcare.policies.SurveyWork billingSurveys;
    @Autowired cn.liftcare.policies.Billing billingInvoices;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService billingUsers;
    long billingSurvey;
    long billingPhoto;
    long billingInvoice;

    /** Called at the end of {@link #ids()}, after the policies fixture whose spare elevator it insures. */
    void billingFixture() {
        long lift = policySpareElevator;
        var today = java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE);
        var supervisor = billingScope("supervisor");
        var insurer = billingScope("insurer");
        billingPhoto = billingSurveys.uploadPhoto(supervisor, PNG);
        billingSurvey = billingSurveys.record(supervisor, new cn.liftcare.policies.SurveyWork.NewSurvey(lift, today,
                cn.liftcare.policies.SurveyOutcome.PASS, java.util.Arrays.stream(cn.liftcare.policies.SurveyItem.values())
                        .map(i -> new cn.liftcare.policies.SurveyFinding(i, cn.liftcare.policies.SurveyItem.Result.OK, null))
                        .toList(), null, null, List.of(billingPhoto))).id();
        var policy = new cn.liftcare.policies.PolicyId(billingPolicies.quote(insurer, new cn.liftcare.policies.PolicyWork
                .NewPolicy(List.of(lift), today, 1, List.of(new cn.liftcare.policies.PayerShare(
                        cn.liftcare.policies.PayerSource.MAINTENANCE_FUND, java.math.BigDecimal.valueOf(100))), null)).id());
        for (String party : List.of("property", "mcmanager", "insurer")) {
            billingPolicies.accept(billingScope(party), policy);
        }
        billingPolicies.issue(insurer, policy, today);
        billingInvoice = billingInvoices.ofPolicy(insurer, policy.value()).get(0).id();
    }

    cn.liftcare.identity.Scope billingScope(String username) {
        return ((cn.liftcare.identity.security.LiftCareUser) billingUsers.loadUserByUsername(username)).scope();
    }

    // the incident pages' fixture: one resident report with a photo, reached by 运河电梯, with its repair order
    @Autowired CheckInTokens checkInTokens;
    long pageIncident;
    long pageIncidentReport;
    long pageRepairOrder;
    String pageIncidentCode;
    String pageTrackingToken;

    @BeforeAll
    void pageIncident() throws Exception {
        long lift = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯'
                  AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id)
                ORDER BY e.id DESC LIMIT 1""").query(Long.class).single();
        pageIncidentCode = new DemoData(jdbc).registrationCode(lift);
        // a client address of its own, so other tests' reports do not count against it
        assertThat(mvc.perform(multipart("/api/v1/public/elevators/" + pageIncidentCode + "/reports")
                        .file(new MockMultipartFile("photo", "p.png", "image/png", PNG)).param("symptom", "NOISE")
                        .with(r -> {
                            r.setRemoteAddr("192.0.2.61");
                            return r;
                        }))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        var report = jdbc.sql("SELECT id, incident_id, tracking_token FROM incident_report WHERE elevator_id = :e")
                .param("e", lift).query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).single();
        pageIncidentReport = (long) report[0];
        pageIncident = (long) report[1];
        pageTrackingToken = (String) report[2];
        for (String step : List.of("{\"step\":\"ACCEPTED\"}", "{\"step\":\"ARRIVED\",\"token\":\""
                + checkInTokens.current(new ElevatorId(lift)) + "\"}")) {
            assertThat(mvc.perform(post("/api/v1/incidents/" + pageIncident + "/events").with(users.as("maintainer"))
                    .contentType(MediaType.APPLICATION_JSON).content(step)).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }
        mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":" + pageIncident + "}"));
        pageRepairOrder = jdbc.sql("SELECT id FROM repair_order WHERE incident_id = :i").param("i", pageIncident)
                .query(Long.class).single();
    }

    static String newOrganizationJson() {
        String first17 = "91330105MA2" + String.format("%06d", SERIAL.incrementAndGet());
        return """
                {"type":"MAINTENANCE_COMPANY","name":"测试电梯工程有限公司%s","creditCode":"%s","licenceNo":"TS3433999-2028",
                 "regionCode":"330105"}
                """.formatted(first17, first17 + CreditCode.checkCharacter(first17));
    }

    String currentElevatorJson() {
        return jdbc.sql("""
                SELECT json_build_object('registrationCode', e.registration_code, 'emergencyCode', e.emergency_code,
                    'type', e.type, 'brand', e.brand, 'model', e.model, 'manufactureDate', e.manufacture_date,
                    'commissioningDate', e.commissioning_date, 'stops', e.stops, 'ratedLoadKg', e.rated_load_kg,
                    'ratedSpeed', e.rated_speed, 'useCategory', e.use_category, 'communityId', e.community_id,
                    'building', b.name, 'unit', u.name, 'useUnitId', e.use_unit_id,
                    'maintenanceCompanyId', e.maintenance_company_id, 'status', e.status,
                    'lastInspectionDate', e.last_inspection_date, 'nextInspectionDue', e.next_inspection_due)::text
                FROM elevator e JOIN building_unit u ON u.id = e.unit_id JOIN building b ON b.id = u.building_id
                WHERE e.id = :id""").param("id", elevator).query(String.class).single();
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Stream.concat(API.stream(), PAGES.stream()).toList()) {
            for (String user : DemoUsers.ALL) {
                cases.add(Arguments.of(endpoint, user));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void everyRoleGetsExactlyItsAnswer(Endpoint endpoint, String user) throws Exception {
        int status = mvc.perform(endpoint.request().apply(this).with(users.as(user))).andReturn().getResponse().getStatus();
        assertThat(status).as("%s as %s", endpoint, user).isEqualTo(endpoint.expectedFor(user));
    }

    @Test
    void anonymousCallersAreSentToSignIn() throws Exception {
        for (Endpoint endpoint : API) {
            var response = mvc.perform(endpoint.request().apply(this)).andReturn().getResponse();
            String path = endpoint.name().substring(endpoint.name().indexOf(' ') + 1);
            if (endpoint.name().contains("/public/")) {
                assertThat(response.getStatus()).as(endpoint.name()).isEqualTo(endpoint.success());
            }
            else {
                assertThat(response.getStatus()).as(endpoint.name()).isEqualTo(401);
                assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
            }
        }
        for (Endpoint endpoint : PAGES) {
            var response = mvc.perform(endpoint.request().apply(this)).andReturn().getResponse();
            if (endpoint.name().matches("[A-Z]+ /[pt]/.*")) {
                // the resident's pages need no sign-in
                assertThat(response.getStatus()).as(endpoint.name()).isEqualTo(endpoint.success());
            }
            else if (endpoint.name().startsWith("GET")) {
                assertThat(response.getStatus()).as(endpoint.name()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(endpoint.name()).endsWith("/login");
            }
            else {
                assertThat(response.getStatus()).as(endpoint.name()).isIn(302, 403);
            }
        }
    }

    // the ledger's fixture: an account in 浙商财险's books (the demo insurer's) and one in 人保财险's
    @Autowired cn.liftcare.ledger.Ledger ledgerService;
    String ledgerOwnAccount;
    String ledgerOtherAccount;

    @BeforeAll
    void ledgerAccounts() {
        DemoData demo = new DemoData(jdbc);
        long own = demo.organization("浙商财险");
        long other = demo.organization("人保财险");
        var money = cn.liftcare.shared.Money.of("100.00");
        var ownIncome = cn.liftcare.ledger.AccountRef.of(cn.liftcare.ledger.AccountPurpose.PREMIUM_INCOME, own, null);
        var otherIncome = cn.liftcare.ledger.AccountRef.of(cn.liftcare.ledger.AccountPurpose.PREMIUM_INCOME, other, null);
        ledgerService.post(new cn.liftcare.ledger.NewEntry("matrix:ledger:own", "矩阵测试保费", java.time.LocalDate.of(2026, 3, 2),
                List.of(cn.liftcare.ledger.Posting.debit(cn.liftcare.ledger.AccountRef.of(
                        cn.liftcare.ledger.AccountPurpose.CASH, own, null), money),
                        cn.liftcare.ledger.Posting.credit(ownIncome, money))));
        ledgerService.post(new cn.liftcare.ledger.NewEntry("matrix:ledger:other", "矩阵测试保费", java.time.LocalDate.of(2026, 3, 2),
                List.of(cn.liftcare.ledger.Posting.debit(cn.liftcare.ledger.AccountRef.of(
                        cn.liftcare.ledger.AccountPurpose.CASH, other, null), money),
                        cn.liftcare.ledger.Posting.credit(otherIncome, money))));
        ledgerOwnAccount = ownIncome.code();
        ledgerOtherAccount = otherIncome.code();
    }

    // the PDF rows' fixture: an issued policy of one 矩阵测试苑 elevator that 运河电梯 maintains, and its invoice
    @Autowired cn.liftcare.shared.LiftCareTime pdfTime;
    long pdfPolicy;
    long pdfInvoice;

    /** Called at the end of {@link #ids()}: insures another spare elevator of the policies fixture. */
    void pdfFixture() throws Exception {
        long lift = policyPdfElevator;
        String today = pdfTime.today().toString();
        var quoted = mvc.perform(post("/api/v1/policies").with(users.as("insurer")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"elevatorIds":[%d],"termStart":"%s","instalments":1,
                         "payers":[{"source":"MAINTENANCE_FUND","percent":100}]}""".formatted(lift, today)))
                .andReturn().getResponse();
        assertThat(quoted.getStatus()).as(quoted.getContentAsString()).isEqualTo(201);
        pdfPolicy = ((Number) JsonPath.read(quoted.getContentAsString(), "$.policy.id")).longValue();
        String items = java.util.Arrays.stream(cn.liftcare.policies.SurveyItem.values())
                .map(i -> "{\"item\":\"" + i + "\",\"result\":\"OK\"}").collect(java.util.stream.Collectors.joining(","));
        assertThat(mvc.perform(post("/api/v1/surveys").with(users.as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"elevatorId\":" + lift + ",\"surveyedOn\":\"" + today + "\",\"outcome\":\"PASS\",\"items\":["
                        + items + "]}")).andReturn().getResponse().getStatus()).isEqualTo(201);
        for (String party : List.of("property", "mcmanager", "insurer")) {
            assertThat(mvc.perform(post("/api/v1/policies/" + pdfPolicy + "/acceptances").with(users.as(party)))
                    .andReturn().getResponse().getStatus()).as(party).isEqualTo(200);
        }
        assertThat(mvc.perform(post("/api/v1/policies/" + pdfPolicy + "/issue").with(users.as("insurer")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        pdfInvoice = jdbc.sql("SELECT min(id) FROM premium_invoice WHERE policy_id = :p").param("p", pdfPolicy)
                .query(Long.class).single();
    }

    // the policy pages' fixture: a policy quoted by 浙商财险 for an unsurveyed 小河佳苑 elevator of 运河电梯, so no
    // acceptance can bind it and every step the matrix posts is refused by a rule, never taken
    long policyPageElevator;
    long policyPageId;

    @BeforeAll
    void policyPagePolicy() throws Exception {
        policyPageElevator = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND e.status = 'IN_SERVICE'
                ORDER BY EXISTS (SELECT 1 FROM risk_survey s WHERE s.elevator_id = e.id), e.id DESC LIMIT 1""")
                .query(Long.class).single();
        String quoted = mvc.perform(post("/api/v1/policies").with(users.as("insurer")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elevatorIds":[%d],"termStart":"%s","instalments":1,
                                 "payers":[{"source":"MAINTENANCE_FUND","percent":100}]}"""
                                .formatted(policyPageElevator, java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE))))
                .andReturn().getResponse().getContentAsString();
        policyPageId = ((Number) JsonPath.read(quoted, "$.policy.id")).longValue();
    }

    // the claims fixture: two new elevators of 矩阵测试苑 (运河电梯) insured from today by 浙商财险; on one a claim
    // referred for its price (it stays open: the matrix's decisions have no reason), the other for filing
    long claimReferred;
    long claimFilingElevator;
    long claimPart;

    /** Who reads claims (ClaimScope.READERS): a method, so the static lists above may use it. */
    static Set<String> claimReaders() {
        return Set.of("admin", "regulator", "insurer", "supervisor", "mcmanager", "property", "owners");
    }

    static String claimJson(long elevator, long part, String key) {
        return """
                {"elevatorId":%d,"section":"PARTS","lossDate":"%s","cause":"WEAR","labourHours":2,"idempotencyKey":"%s",
                 "lines":[{"partId":%d,"action":"REPLACE","quantity":1,"unitPrice":2000}]}
                """.formatted(elevator, java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE), key, part);
    }

    /** Called at the end of {@link #ids()}. */
    void claimsFixture() throws Exception {
        long company = new DemoData(jdbc).organization("运河电梯");
        List<Long> lifts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String created = mvc.perform(post("/api/v1/elevators").with(users.as("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(elevatorJson(testCommunity).replace(
                            "\"unit\":\"1单元\"", "\"unit\":\"1单元\",\"maintenanceCompanyId\":" + company)))
                    .andReturn().getResponse().getContentAsString();
            long lift = ((Number) JsonPath.read(created, "$.id")).longValue();
            mvc.perform(post("/api/v1/surveys").with(users.as("supervisor")).contentType(MediaType.APPLICATION_JSON)
                    .content(passJson(lift)));
            lifts.add(lift);
        }
        long policy = quoted(lifts);
        for (String party : List.of("property", "mcmanager", "insurer")) {
            mvc.perform(post("/api/v1/policies/" + policy + "/acceptances").with(users.as(party)));
        }
        assertThat(mvc.perform(post("/api/v1/policies/" + policy + "/issue").with(users.as("insurer")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        claimPart = jdbc.sql("SELECT id FROM part WHERE code = 'DO-MC'").query(Long.class).single();
        String claim = mvc.perform(post("/api/v1/claims").with(users.as("mcmanager")).contentType(MediaType.APPLICATION_JSON)
                        .content(claimJson(lifts.get(0), claimPart, "matrix-claim-" + lifts.get(0)).replace("2000}", "4000}")))
                .andReturn().getResponse().getContentAsString();
        claimReferred = ((Number) JsonPath.read(claim, "$.id")).longValue();
        assertThat((String) JsonPath.read(claim, "$.status")).isEqualTo("REFERRED");
        claimFilingElevator = lifts.get(1);
    }

    // the pension fixture: a case opened by 小河佳苑物业 on one of its 运河电梯 elevators, left open
    long pensionCase;

    /** Who reads the pension (PensionScope.READERS): a method, so the static lists above may use it. */
    static Set<String> pensionReaders() {
        return Set.of("admin", "regulator", "insurer", "supervisor", "inspector", "mcmanager", "property", "owners");
    }

    /** Called at the end of {@link #ids()}. */
    void pensionFixture() throws Exception {
        String opened = mvc.perform(post("/api/v1/pension/cases").with(users.as("property"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + elevator
                                + ",\"component\":\"DOOR_SYSTEM\",\"idempotencyKey\":\"matrix-pension\"}"))
                .andReturn().getResponse().getContentAsString();
        pensionCase = ((Number) JsonPath.read(opened, "$.id")).longValue();
    }

    // quality (issue 8): the demo's last closed quarter, the open one, 运河电梯 and one of its traction elevators
    static final String QUALITY_BAD_STANDARD = """
            {"version":"bad version","effectiveFrom":"2020-01-01","name":"m","basis":"m",
             "indicators":[{"code":"ON_TIME","weight":1,"best":1,"worst":0.8}],"vetoes":[],
             "grades":[{"grade":"A","minScore":90},{"grade":"B","minScore":80},{"grade":"C","minScore":70},
                       {"grade":"D","minScore":0}],"payFactors":{"A":1,"B":1,"C":1,"D":1}}""";
    String qualityClosed;
    String qualityOpen;
    long qualityCompany;
    long qualityElevator;
    long qualitySpotCheck;

    /** A client address of its own per call, so the one-vote-a-month rule and the rate limit do not decide the row. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor qualityClient() {
        String address = "2001:db8::" + Integer.toHexString(SERIAL.incrementAndGet());
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** Called at the end of {@link #ids()}. */
    void qualityFixture() throws Exception {
        qualityClosed = jdbc.sql("SELECT period FROM quality_period WHERE status = 'CLOSED' AND period LIKE '%Q%' "
                + "ORDER BY starts_on DESC LIMIT 1").query(String.class).single();
        qualityOpen = cn.liftcare.quality.Period.quarterOf(java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE))
                .code();
        qualityCompany = new DemoData(jdbc).organization("运河电梯");
        qualityElevator = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE c.name = '小河佳苑' AND e.maintenance_company_id = :c AND e.type = 'TRACTION' ORDER BY e.id LIMIT 1""")
                .param("c", qualityCompany).query(Long.class).single();
        String made = mvc.perform(post("/api/v1/quality/spot-checks").with(users.as("supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"elevatorId\":" + qualityElevator
                        + ",\"items\":{\"A-1-01\":true},\"recordMatches\":true,\"idempotencyKey\":\"matrix-quality\"}"))
                .andReturn().getResponse().getContentAsString();
        qualitySpotCheck = ((Number) JsonPath.read(made, "$.id")).longValue();
    }

    // the dashboard's fixture: a monthly portfolio report of 浙商财险, generated in the background
    long dashboardReport;

    /** Who makes reports (ReportController.MAKERS): a method, so the static lists above may use it. */
    static Set<String> dashboardReportMakers() {
        return Set.of("regulator", "insurer", "property", "owners");
    }

    /** Called at the end of {@link #ids()}: requests the report and waits for it to be generated. */
    void dashboardFixture() throws Exception {
        String period = java.time.YearMonth.now(cn.liftcare.shared.LiftCareTime.ZONE).minusMonths(1).toString();
        String made = mvc.perform(post("/api/v1/reports").param("period", period).with(users.as("insurer")))
                .andReturn().getResponse().getContentAsString();
        dashboardReport = ((Number) JsonPath.read(made, "$.id")).longValue();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"DONE".equals(jdbc.sql("SELECT status FROM dashboard_report WHERE id = :id").param("id", dashboardReport)
                .query(String.class).single())) {
            assertThat(System.currentTimeMillis()).as("the report is generated within a minute").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // the community pension page's fixture: a community insured by 人保财险 alone, outside 小河佳苑's parties and 运河电梯
    long pensionOtherCommunity;

    @BeforeAll
    void pensionOtherCommunity() {
        DemoData demo = new DemoData(jdbc);
        long picc = demo.organization("人保财险");
        long zheshang = demo.organization("浙商财险");
        long yunhe = demo.organization("运河电梯");
        long xiaoheUseUnit = demo.organization("小河佳苑物业");
        long owners = jdbc.sql("SELECT owners_committee_id FROM community WHERE name = '小河佳苑'").query(Long.class).single();
        pensionOtherCommunity = jdbc.sql("""
                SELECT c.id FROM community c
                WHERE EXISTS (SELECT 1 FROM elevator e JOIN policy_elevator pe ON pe.elevator_id = e.id
                              JOIN policy p ON p.id = pe.policy_id
                              WHERE e.community_id = c.id AND e.status <> 'SCRAPPED' AND p.insurer_id = :picc
                                AND p.issued_on IS NOT NULL AND pe.cover_from <= :today AND pe.cover_to > :today)
                  AND NOT EXISTS (SELECT 1 FROM elevator e JOIN policy_elevator pe ON pe.elevator_id = e.id
                                  JOIN policy p ON p.id = pe.policy_id WHERE e.community_id = c.id AND p.insurer_id = :zheshang)
                  AND NOT EXISTS (SELECT 1 FROM ledger_account a JOIN elevator e ON e.id = a.party_id
                                  WHERE a.purpose = 'PENSION_RESERVE' AND a.owner_id = :zheshang AND e.community_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM elevator e WHERE e.community_id = c.id
                                  AND (e.maintenance_company_id = :yunhe OR e.use_unit_id = :useUnit))
                  AND c.use_unit_id <> :useUnit AND c.owners_committee_id IS DISTINCT FROM :owners
                ORDER BY c.id LIMIT 1""").param("picc", picc).param("zheshang", zheshang).param("yunhe", yunhe)
                .param("useUnit", xiaoheUseUnit).param("owners", owners)
                .param("today", java.time.LocalDate.now(cn.liftcare.shared.LiftCareTime.ZONE)).query(Long.class).single();
    }
}
