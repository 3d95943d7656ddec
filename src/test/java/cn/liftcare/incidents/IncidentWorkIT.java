package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.security.LiftCareUser;
import cn.liftcare.maintenance.ChecklistEntry;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.maintenance.ItemResult;
import cn.liftcare.maintenance.MaintenanceCatalogue;
import cn.liftcare.maintenance.MaintenanceItem;
import cn.liftcare.maintenance.MaintenanceWork;
import cn.liftcare.maintenance.Photos;
import cn.liftcare.maintenance.VisitView;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;
import cn.liftcare.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Incidents from report to confirmation on the demo district: deduplication, abuse limits, alarms, the rescue
 * timeline with proven arrival, who sees what, the response clock, repair orders, metrics and the catalogue.
 * The database is shared with every other integration test (and demo incidents), so each test works on
 * elevators that have no open incident, from client addresses of its own, and looks only at what it made.
 */
@LiftCareTest
class IncidentWorkIT {

    static final AtomicInteger CLIENT = new AtomicInteger();
    static final Set<Long> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired LiftCareTime time;
    @Autowired IncidentDesk desk;
    @Autowired IncidentWork work;
    @Autowired IncidentSupervisor supervisor;
    @Autowired CheckInTokens tokens;
    @Autowired Photos photos;
    @Autowired Parts parts;
    @Autowired MaintenanceWork maintenance;
    @Autowired MaintenanceCatalogue catalogue;

    DemoData demo;
    Instant t0;

    @BeforeEach
    void fixTheClock() {
        demo = new DemoData(jdbc);
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock.fix(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---------------------------------------------------------------- helpers

    Scope scope(String user) {
        return ((LiftCareUser) userDetails.loadUserByUsername(user)).scope();
    }

    /** An in-service elevator of the company, in a community whose name is like the pattern, with no open incident. */
    long freshElevator(String company, String community) {
        long id = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN organization o ON o.id = e.maintenance_company_id
                JOIN community c ON c.id = e.community_id
                WHERE o.short_name = :company AND c.name LIKE :community AND e.status = 'IN_SERVICE'
                  AND e.type = 'TRACTION' AND NOT (e.id IN (:used))
                  AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id
                                  AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM'))
                ORDER BY random() LIMIT 1""")
                .param("company", company).param("community", community)
                .param("used", USED.isEmpty() ? List.of(-1L) : List.copyOf(USED)).query(Long.class).single();
        USED.add(id);
        return id;
    }

    long freshElevator() {
        return freshElevator("运河电梯", "%");
    }

    /** A client address nobody else has used, so no other test's reports count against it. */
    static RequestPostProcessor fromClient(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String newClient() {
        int n = CLIENT.incrementAndGet();
        return "10.66." + (n / 250) + "." + (n % 250 + 1);
    }

    ResultActions residentReport(long elevator, String client, String symptom) throws Exception {
        return mvc.perform(post("/api/v1/public/elevators/" + demo.registrationCode(elevator) + "/reports")
                .with(fromClient(client)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"symptom\":\"" + symptom + "\"}"));
    }

    long staffReport(String user, long elevator, Symptom symptom) {
        return desk.staffReport(scope(user), new ElevatorId(elevator), symptom, null, null).incidentId().value();
    }

    ResultActions step(String user, long incident, String body) throws Exception {
        return mvc.perform(post("/api/v1/incidents/" + incident + "/events").with(users.as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    void take(String user, long incident, Step step) {
        take(user, incident, step, IncidentWork.StepInput.none());
    }

    void take(String user, long incident, Step step, IncidentWork.StepInput input) {
        work.take(scope(user), new IncidentId(incident), step, input);
    }

    void arrive(String user, long incident, long elevator) {
        take(user, incident, Step.ARRIVED, new IncidentWork.StepInput(tokens.current(new ElevatorId(elevator)), null, null));
    }

    void at(Duration sinceStart) {
        clock.fix(t0.plus(sinceStart));
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static Object read(ResultActions result, String path) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
    }

    static long readLong(ResultActions result, String path) throws Exception {
        return ((Number) read(result, path)).longValue();
    }

    List<String> steps(long incident) {
        return jdbc.sql("SELECT step FROM incident_step WHERE incident_id = :i ORDER BY id").param("i", incident)
                .query(String.class).list();
    }

    String incidentColumn(long incident, String column) {
        List<String> values = jdbc.sql("SELECT " + column + "::text FROM incident WHERE id = :i").param("i", incident)
                .query(String.class).list();
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    List<Map<String, Object>> breaches(long incident) {
        return jdbc.sql("SELECT kind, company_id, limit_minutes, detected_at FROM incident_breach WHERE incident_id = :i "
                + "ORDER BY kind").param("i", incident).query().listOfRows();
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    // ---------------------------------------------------------------- dedup

    @Test
    void reportsOfOneElevatorJoinOneIncidentUntilServiceIsRestored() throws Exception {
        long elevator = freshElevator();
        ResultActions first = residentReport(elevator, newClient(), "NOISE")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.opened").value(true))
                .andExpect(jsonPath("$.reportCount").value(1))
                .andExpect(jsonPath("$.type").value("MINOR_DEFECT"))
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        long incident = readLong(first, "$.incidentId");
        residentReport(elevator, newClient(), "NOISE").andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.opened").value(false))
                .andExpect(jsonPath("$.reportCount").value(2));
        residentReport(elevator, newClient(), "TRAPPED").andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.reportCount").value(3))
                .andExpect(jsonPath("$.type").value("ENTRAPMENT"));
        // a 96333 call about the same elevator joins too
        mvc.perform(post("/api/v1/incidents").with(users.as("callcentre")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elevatorId\":" + elevator + ",\"symptom\":\"TRAPPED\",\"phone\":\"0571-96333\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.opened").value(false))
                .andExpect(jsonPath("$.reportCount").value(4));

        assertThat(incidentColumn(incident, "report_count")).isEqualTo("4");
        assertThat(incidentColumn(incident, "type")).isEqualTo("ENTRAPMENT");
        assertThat(count("SELECT count(*) FROM incident_report WHERE incident_id = ?", incident)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM incident WHERE elevator_id = ? AND reported_at >= ?", elevator,
                java.sql.Timestamp.from(t0))).isEqualTo(1);
        assertThat(steps(incident)).containsExactly("REPORTED", "DISPATCHED", "REPORT_JOINED", "REPORT_JOINED",
                "TYPE_RAISED", "REPORT_JOINED");
        assertThat(jdbc.sql("SELECT note FROM incident_step WHERE incident_id = :i AND step = 'TYPE_RAISED'")
                .param("i", incident).query(String.class).single()).isEqualTo("MINOR_DEFECT → ENTRAPMENT");
        // raised to an entrapment, it now has an arrival limit
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.limits[*].kind").value(hasItem("ARRIVAL")))
                .andExpect(jsonPath("$.reports.length()").value(4))
                .andExpect(jsonPath("$.reports[3].channel").value("CALL_CENTRE"));

        take("maintainer", incident, Step.ACCEPTED);
        arrive("maintainer", incident, elevator);
        take("maintainer", incident, Step.RELEASED);
        take("maintainer", incident, Step.RESTORED);
        ResultActions next = residentReport(elevator, newClient(), "STOPPED")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.opened").value(true))
                .andExpect(jsonPath("$.reportCount").value(1))
                .andExpect(jsonPath("$.type").value("OUT_OF_SERVICE"));
        assertThat(readLong(next, "$.incidentId")).isNotEqualTo(incident);
        assertThat(incidentColumn(incident, "report_count")).isEqualTo("4");
    }

    // ---------------------------------------------------------------- abuse limits

    @Test
    void aClientMayReportOneElevatorThreeTimesInTenMinutes() throws Exception {
        long elevator = freshElevator();
        String client = newClient();
        for (int i = 0; i < 3; i++) {
            residentReport(elevator, client, "STOPPED").andExpect(status().isCreated());
        }
        residentReport(elevator, client, "STOPPED")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(containsString("96333")));
        // somebody else in the same car is not limited
        residentReport(elevator, newClient(), "STOPPED").andExpect(status().isCreated());
        at(Duration.ofSeconds(599));
        residentReport(elevator, client, "STOPPED").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
        at(Duration.ofSeconds(600));
        residentReport(elevator, client, "STOPPED").andExpect(status().isCreated())
                .andExpect(jsonPath("$.reportCount").value(5));
        assertThat(count("SELECT count(*) FROM incident_report WHERE elevator_id = ? AND reported_at >= ?", elevator,
                java.sql.Timestamp.from(t0))).isEqualTo(5);
    }

    @Test
    void aClientMayReportTenTimesAnHourAcrossElevators() throws Exception {
        String client = newClient();
        List<Long> elevators = List.of(freshElevator(), freshElevator(), freshElevator(), freshElevator());
        int sent = 0;
        for (long elevator : elevators) {
            for (int i = 0; i < 3 && sent < 10; i++, sent++) {
                residentReport(elevator, client, "NOISE").andExpect(status().isCreated());
            }
        }
        at(minutes(30));
        long another = freshElevator();
        residentReport(another, client, "NOISE")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1800"))
                .andExpect(jsonPath("$.detail").value(containsString("一小时")));
        residentReport(another, newClient(), "NOISE").andExpect(status().isCreated());
        at(minutes(60));
        residentReport(another, client, "NOISE").andExpect(status().isCreated());
    }

    // ---------------------------------------------------------------- the public form

    @Test
    void aPublicReportIsCheckedBeforeAnythingIsStored() throws Exception {
        long elevator = freshElevator();
        String code = demo.registrationCode(elevator);
        String client = newClient();
        mvc.perform(post("/api/v1/public/elevators/31109999999999999999/reports").with(fromClient(client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"symptom\":\"TRAPPED\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/public/elevators/31109999999999999999/reports").with(fromClient(client))
                        .param("symptom", "TRAPPED"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/public/elevators/" + code + "/reports").with(fromClient(client))
                        .file(new MockMultipartFile("photo", "car.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()))
                        .param("symptom", "DOOR_FAULT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("photo"))
                .andExpect(jsonPath("$.errors[0].message").value("只接受 JPEG、PNG 或 WebP 格式的照片。"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        mvc.perform(multipart("/api/v1/public/elevators/" + code + "/reports").with(fromClient(client))
                        .file(new MockMultipartFile("photo", "car.png", "image/png", huge)).param("symptom", "DOOR_FAULT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photo"))
                .andExpect(jsonPath("$.errors[0].message").value("照片不能超过 5 MB。"));
        mvc.perform(post("/api/v1/public/elevators/" + code + "/reports").with(fromClient(client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"symptom\":\"STOPPED\",\"phone\":\"call me\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[0].message").value("请输入有效的电话号码。"));
        mvc.perform(post("/api/v1/public/elevators/" + code + "/reports").with(fromClient(client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"没说什么症状\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("symptom"));
        assertThat(count("SELECT count(*) FROM incident_report WHERE elevator_id = ? AND reported_at >= ?", elevator,
                java.sql.Timestamp.from(t0))).isZero();
        // refused reports do not count against the client either: three good ones still go through
        for (int i = 0; i < 2; i++) {
            residentReport(elevator, client, "DOOR_FAULT").andExpect(status().isCreated());
        }
        mvc.perform(multipart("/api/v1/public/elevators/" + code + "/reports").with(fromClient(client))
                        .file(new MockMultipartFile("photo", "car.png", "image/png", PNG)).param("symptom", "DOOR_FAULT")
                        .param("phone", "138 0013 8000"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("SAFETY_HAZARD"));
        assertThat(jdbc.sql("SELECT photo_type FROM incident_report WHERE elevator_id = :e AND photo IS NOT NULL "
                + "AND reported_at >= :t").param("e", elevator).param("t", java.sql.Timestamp.from(t0))
                .query(String.class).single()).isEqualTo("image/png");
    }

    @Test
    void theTrackingLinkShowsProgressButNobodysNameOrNumber() throws Exception {
        long elevator = freshElevator("运河电梯", "小河佳苑");
        ResultActions receipt = mvc.perform(post("/api/v1/public/elevators/" + demo.registrationCode(elevator) + "/reports")
                        .with(fromClient(newClient())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"symptom\":\"TRAPPED\",\"description\":\"3楼卡住\",\"phone\":\"13800138000\"}"))
                .andExpect(status().isCreated());
        String token = (String) read(receipt, "$.trackingToken");
        long incident = readLong(receipt, "$.incidentId");
        assertThat((String) read(receipt, "$.trackingUrl")).isEqualTo("https://liftcare.example.cn/t/" + token);
        mvc.perform(post("/api/v1/public/elevators/" + demo.registrationCode(elevator) + "/reports")
                .with(fromClient(newClient())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"symptom\":\"TRAPPED\",\"phone\":\"13900139000\"}")).andExpect(status().isCreated());
        take("maintainer", incident, Step.ACCEPTED, new IncidentWork.StepInput(null, null, "陈师傅 13700137000 在路上"));
        String body = mvc.perform(get("/api/v1/public/reports/" + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.type").value("ENTRAPMENT"))
                .andExpect(jsonPath("$.reportCount").value(2))
                .andExpect(jsonPath("$.steps[*].step").value(org.hamcrest.Matchers.contains("REPORTED", "DISPATCHED",
                        "ACCEPTED")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("13800138000", "13900139000", "13700137000", "maintainer", "陈师傅",
                "callcentre", "resident", "phone", "actor", "note");
        // staff can call the reporter back
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("property")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports[0].phone").value("13800138000"));
        mvc.perform(get("/api/v1/public/reports/not-a-real-token")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/reports/" + "x".repeat(80))).andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- machine alarms

    String alarm(String alarmId, long elevator, String faultCode) {
        return "{\"alarmId\":\"" + alarmId + "\",\"elevatorId\":" + elevator + ",\"faultCode\":\"" + faultCode + "\"}";
    }

    ResultActions sendAlarm(String key, String body) throws Exception {
        var request = post("/api/v1/incidents/alarms").contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("X-Alarm-Key", key);
        }
        return mvc.perform(request);
    }

    String issueKey(String body) throws Exception {
        ResultActions issued = mvc.perform(post("/api/v1/incidents/alarm-sources").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value(startsWith("lca_")));
        return (String) read(issued, "$.key");
    }

    @Test
    void machineAlarmsNeedAKeyAndCountOnceEach() throws Exception {
        long elevator = freshElevator();
        String id = "GW-" + UUID.randomUUID();
        sendAlarm(null, alarm(id, elevator, "11")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        sendAlarm("lca_not-a-key", alarm(id, elevator, "11")).andExpect(status().isUnauthorized());
        sendAlarm("not-even-the-prefix", alarm(id, elevator, "11")).andExpect(status().isUnauthorized());
        // a signed-in user is no alarm source either
        mvc.perform(post("/api/v1/incidents/alarms").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(alarm(id, elevator, "11"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/incidents/alarm-sources").with(users.as("regulator"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        assertThat(count("SELECT count(*) FROM incident_report WHERE alarm_id = ?", id)).isZero();

        String key = issueKey("{\"name\":\"96333 物联网网关\"}");
        assertThat(count("SELECT count(*) FROM alarm_source WHERE key_hash = ?", AlarmSources.sha256(key)))
                .as("only a hash is kept").isEqualTo(1);
        ResultActions first = sendAlarm(key, alarm(id, elevator, "11"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ENTRAPMENT"))
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        long incident = readLong(first, "$.incidentId");
        sendAlarm(key, alarm(id, elevator, "11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.reportCount").value(1));
        assertThat(count("SELECT count(*) FROM incident_report WHERE alarm_id = ?", id)).isEqualTo(1);
        assertThat(incidentColumn(incident, "report_count")).isEqualTo("1");
        assertThat(incidentColumn(incident, "channel")).isEqualTo("ALARM");

        // by registration code, and a hazard code
        long other = freshElevator();
        sendAlarm(key, "{\"alarmId\":\"" + id + "-2\",\"registrationCode\":\"" + demo.registrationCode(other)
                        + "\",\"faultCode\":\"05\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("SAFETY_HAZARD"));
        sendAlarm(key, alarm(id + "-3", other, "99"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("faultCode"));
        sendAlarm(key, "{\"elevatorId\":" + other + ",\"faultCode\":\"11\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("alarmId"));
        sendAlarm(key, "{\"alarmId\":\"" + id + "-4\",\"elevatorId\":" + other + ",\"faultCode\":\"11\",\"description\":\""
                        + "x".repeat(1001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        assertThat(count("SELECT count(*) FROM incident_report WHERE alarm_id IN (?, ?)", id + "-3", id + "-4")).isZero();
        // a code padded by the device is still code 11, and stored as such
        sendAlarm(key, alarm(id + "-5", other, "  11  ")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ENTRAPMENT"));
        assertThat(jdbc.sql("SELECT fault_code FROM incident_report WHERE alarm_id = :a").param("a", id + "-5")
                .query(String.class).single()).isEqualTo("11");

        // a device key serves its own elevator only
        String device = issueKey("{\"name\":\"轿厢物联网终端\",\"elevatorId\":" + elevator + "}");
        long third = freshElevator();
        int refused = sendAlarm(device, alarm("DEV-" + id, third, "11")).andReturn().getResponse().getStatus();
        assertThat(refused).isIn(401, 403);
        assertThat(count("SELECT count(*) FROM incident_report WHERE elevator_id = ? AND reported_at >= ?", third,
                java.sql.Timestamp.from(t0))).isZero();
        sendAlarm(device, alarm("DEV-" + id, elevator, "11")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").value(incident))
                .andExpect(jsonPath("$.reportCount").value(2));
    }

    // ---------------------------------------------------------------- the rescue timeline

    @Test
    void anEntrapmentFromReportToConfirmationWithProvenArrival() throws Exception {
        long elevator = freshElevator("运河电梯", "小河佳苑");
        ResultActions reported = mvc.perform(post("/api/v1/incidents").with(users.as("property"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elevatorId\":" + elevator + ",\"symptom\":\"TRAPPED\",\"description\":\"2人被困\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DISPATCHED"));
        long incident = readLong(reported, "$.incidentId");
        assertThat(incidentColumn(incident, "channel")).isEqualTo("USE_UNIT");

        step("maintainer", incident, "{\"step\":\"RELEASED\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("incident-step-order"))
                .andExpect(jsonPath("$.allowed").value(org.hamcrest.Matchers.contains("ACCEPTED", "REASSIGNED",
                        "FALSE_ALARM")));
        step("maintainer", incident, "{\"step\":\"REPORT_JOINED\"}").andExpect(status().isConflict());
        step("maintainer", incident, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("step"));
        step("maintainer", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("ACCEPTED"));

        ElevatorId car = new ElevatorId(elevator);
        String stale = tokens.current(car);
        step("maintainer", incident, "{\"step\":\"ARRIVED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("token"))
                .andExpect(jsonPath("$.errors[0].message").value("签到码无效，请扫描轿厢内的签到码。"));
        String forged = stale.substring(0, stale.length() - 3) + (stale.endsWith("AAA") ? "BBB" : "AAA");
        step("maintainer", incident, "{\"step\":\"ARRIVED\",\"token\":\"" + forged + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("签到码不是本平台签发的。"));
        long neighbour = freshElevator();
        step("maintainer", incident, "{\"step\":\"ARRIVED\",\"token\":\"" + tokens.current(new ElevatorId(neighbour)) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("这是另一台电梯的签到码。"));
        at(minutes(11));
        step("maintainer", incident, "{\"step\":\"ARRIVED\",\"token\":\"" + stale + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("签到码已过期，请重新扫描轿厢内的签到码。"));
        assertThat(incidentColumn(incident, "status")).isEqualTo("ACCEPTED");
        String token = tokens.current(car);
        step("maintainer", incident, "{\"step\":\"ARRIVED\",\"token\":\"" + token + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("ARRIVED"))
                .andExpect(jsonPath("$.incident.limits[?(@.kind == 'ARRIVAL')].state").value(hasItem("MET")));
        assertThat(incidentColumn(incident, "arrival_token_hash")).isEqualTo(CheckInTokens.hash(token));

        // an entrapment: passengers out first
        step("maintainer", incident, "{\"step\":\"RESTORED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.allowed").value(org.hamcrest.Matchers.contains("RELEASED", "FALSE_ALARM")));
        at(minutes(14));
        step("maintainer", incident, "{\"step\":\"RELEASED\"}").andExpect(status().isOk());
        at(minutes(40));
        step("mcmanager", incident, "{\"step\":\"RESTORED\",\"note\":\"更换门锁\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("RESTORED"));
        // only the use unit confirms
        step("maintainer", incident, "{\"step\":\"CONFIRMED\"}").andExpect(status().isForbidden());
        step("regulator", incident, "{\"step\":\"CONFIRMED\"}").andExpect(status().isForbidden());
        step("property", incident, "{\"step\":\"CONFIRMED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.timeline[*].step").value(org.hamcrest.Matchers.contains("REPORTED", "DISPATCHED",
                        "ACCEPTED", "ARRIVED", "RELEASED", "RESTORED", "CONFIRMED")))
                .andExpect(jsonPath("$.timeline[2].actorName").value("maintainer"))
                .andExpect(jsonPath("$.timeline[5].actorName").value("mcmanager"))
                .andExpect(jsonPath("$.timeline[5].note").value("更换门锁"))
                .andExpect(jsonPath("$.breaches.length()").value(0));
        assertThat(incidentColumn(incident, "closed_at")).isNotNull();
        step("property", incident, "{\"step\":\"CONFIRMED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.allowed.length()").value(0));

        // the code shown in the car proves one arrival only: back to when it was fresh, a new incident refuses it
        at(minutes(12));
        long again = staffReport("property", elevator, Symptom.STOPPED);
        assertThat(again).isNotEqualTo(incident);
        take("maintainer", again, Step.ACCEPTED);
        step("maintainer", again, "{\"step\":\"ARRIVED\",\"token\":\"" + token + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("这个签到码已经用过，请重新扫描。"));
        // a false alarm needs its reason, and one that fits the timeline
        step("regulator", again, "{\"step\":\"FALSE_ALARM\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        step("regulator", again, "{\"step\":\"FALSE_ALARM\",\"note\":\"" + "误".repeat(501) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        step("regulator", again, "{\"step\":\"FALSE_ALARM\",\"note\":\"业主误按\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("FALSE_ALARM"));
        assertThat(incidentColumn(again, "closed_at")).isNotNull();
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void eachPartySeesOnlyItsIncidentsAndABackupUnitTakesOverWithoutTheAccountability() throws Exception {
        long yunhe = demo.organization("运河电梯");
        long hengan = demo.organization("恒安电梯");
        long elevator = freshElevator("运河电梯", "小河佳苑");
        long incident = staffReport("callcentre", elevator, Symptom.TRAPPED);
        String foreignCommunity = jdbc.sql("""
                SELECT c.name FROM community c JOIN organization o ON o.id = c.use_unit_id
                WHERE o.short_name <> '小河佳苑物业' AND c.name <> '小河佳苑' ORDER BY c.id LIMIT 1""")
                .query(String.class).single();
        String foreignCompany = jdbc.sql("""
                SELECT o.short_name FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id WHERE c.name = :c AND o.short_name <> '运河电梯'
                ORDER BY e.id LIMIT 1""").param("c", foreignCommunity).query(String.class).single();
        long foreignElevator = freshElevator(foreignCompany, foreignCommunity);
        long foreign = staffReport("callcentre", foreignElevator, Symptom.STOPPED);

        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("maintainer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents?elevatorId=" + elevator).with(users.as("maintainer2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        step("maintainer2", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents?elevatorId=" + elevator).with(users.as("maintainer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id").value(hasItem((int) incident)));
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("property"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("owners"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/incidents/" + foreign).with(users.as("property"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + foreign).with(users.as("maintainer"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents?elevatorId=" + foreignElevator).with(users.as("property")))
                .andExpect(jsonPath("$.total").value(0));
        for (String user : List.of("regulator", "callcentre", "insurer", "admin")) {
            mvc.perform(get("/api/v1/incidents/" + foreign).with(users.as(user))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/incidents/" + incident).with(users.as(user))).andExpect(status().isOk());
        }
        // the property's list holds its own incidents only, whatever else is open
        String body = mvc.perform(get("/api/v1/incidents?open=true&size=200").with(users.as("property")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> communities = JsonPath.read(body, "$.items[*].communityId");
        Set<Long> own = new HashSet<>(jdbc.sql("""
                SELECT c.id FROM community c JOIN organization o ON o.id = c.use_unit_id OR o.id = c.owners_committee_id
                WHERE o.short_name = '小河佳苑物业'""").query(Long.class).list());
        assertThat(communities).isNotEmpty().allMatch(c -> own.contains(c.longValue()));

        // six minutes without acceptance: the regulator hands the rescue to 恒安电梯
        at(minutes(6));
        step("maintainer", incident, "{\"step\":\"REASSIGNED\",\"unitId\":" + hengan + "}").andExpect(status().isForbidden());
        step("regulator", incident, "{\"step\":\"REASSIGNED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        step("regulator", incident, "{\"step\":\"REASSIGNED\",\"unitId\":" + demo.organization("小河佳苑物业") + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitId"));
        step("regulator", incident, "{\"step\":\"REASSIGNED\",\"unitId\":" + yunhe + "}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("reassign-same-unit"));
        step("regulator", incident, "{\"step\":\"REASSIGNED\",\"unitId\":" + hengan + ",\"note\":\"运河电梯无人响应\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.incident.rescueCompanyId").value(hengan))
                .andExpect(jsonPath("$.incident.maintenanceCompanyId").value(yunhe));

        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("maintainer2"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/incidents?elevatorId=" + elevator).with(users.as("maintainer2")))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) incident)));
        mvc.perform(get("/api/v1/notifications").with(users.as("maintainer2")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].kind").value(hasItem("DISPATCHED")));
        step("maintainer", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isForbidden());
        step("maintainer2", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("ACCEPTED"));
        // the original company still sees it, and answers for it
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("maintainer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.rescueCompany").value(containsString("恒安")));
        at(minutes(35));
        arrive("maintainer2", incident, elevator);
        List<Map<String, Object>> breaches = breaches(incident);
        assertThat(breaches).extracting(b -> b.get("kind")).containsExactly("ACCEPT", "ARRIVAL");
        assertThat(breaches).allSatisfy(b -> assertThat(((Number) b.get("company_id")).longValue()).isEqualTo(yunhe));
        take("maintainer2", incident, Step.RELEASED);
        take("maintainer2", incident, Step.RESTORED);
        take("property", incident, Step.CONFIRMED);
    }

    // ---------------------------------------------------------------- the response clock

    @Test
    void anEntrapmentWithoutArrivalEscalatesAtTwoThirdsAndIsBreachedAfterThirtyMinutes() throws Exception {
        long regulatorOrg = demo.organization("拱墅区市场监管局");
        long yunhe = demo.organization("运河电梯");
        long elevator = freshElevator();
        long incident = staffReport("callcentre", elevator, Symptom.TRAPPED);
        // dispatch told the company in the app
        mvc.perform(get("/api/v1/notifications").with(users.as("mcmanager"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].kind").value(hasItem("DISPATCHED")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].messageKey")
                        .value(hasItem("notice.dispatched.ENTRAPMENT")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].read").value(hasItem(false)));
        mvc.perform(get("/api/v1/notifications").with(users.as("maintainer2")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")]").isEmpty());
        mvc.perform(post("/api/v1/notifications/read").with(users.as("mcmanager"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/notifications").with(users.as("maintainer")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].read").value(hasItem(true)));

        at(minutes(1));
        take("maintainer", incident, Step.ACCEPTED);
        at(Duration.ofSeconds(20 * 60 + 5));
        supervisor.sweep();
        assertThat(incidentColumn(incident, "escalated_at")).isNull();
        at(Duration.ofSeconds(20 * 60 + 6));
        supervisor.sweep();
        assertThat(jdbc.sql("SELECT escalated_at FROM incident WHERE id = :i").param("i", incident)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(t0.plusSeconds(20 * 60 + 6));
        assertThat(steps(incident)).containsExactly("REPORTED", "DISPATCHED", "ACCEPTED", "ESCALATED");
        assertThat(count("SELECT count(*) FROM notification WHERE incident_id = ? AND kind = 'ESCALATED' "
                + "AND organization_id = ?", incident, regulatorOrg)).isEqualTo(1);
        mvc.perform(get("/api/v1/notifications").with(users.as("regulator")))
                .andExpect(jsonPath("$[?(@.incidentId == " + incident + ")].kind").value(hasItem("ESCALATED")));
        at(minutes(30));
        supervisor.sweep();
        assertThat(breaches(incident)).isEmpty();
        at(Duration.ofSeconds(30 * 60 + 1));
        supervisor.sweep();
        supervisor.sweep();
        List<Map<String, Object>> breaches = breaches(incident);
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).get("kind")).isEqualTo("ARRIVAL");
        assertThat(((Number) breaches.get(0).get("company_id")).longValue()).isEqualTo(yunhe);
        assertThat(((Number) breaches.get(0).get("limit_minutes")).intValue()).isEqualTo(30);
        at(minutes(45));
        supervisor.sweep();
        assertThat(breaches(incident)).hasSize(1);
        assertThat(steps(incident)).containsExactly("REPORTED", "DISPATCHED", "ACCEPTED", "ESCALATED", "BREACHED");
        assertThat(count("SELECT count(*) FROM notification WHERE incident_id = ? AND kind = 'ESCALATED'", incident))
                .isEqualTo(1);
        mvc.perform(get("/api/v1/incidents?breached=true&elevatorId=" + elevator).with(users.as("regulator")))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].limits[*].state").value(hasItem("BREACHED")));
        // closed, it needs nobody any more
        take("maintainer", incident, Step.FALSE_ALARM, new IncidentWork.StepInput(null, null, "乘客已自行离开"));
    }

    @Test
    void aLateAcceptanceIsBreachedWhenItComes() {
        long yunhe = demo.organization("运河电梯");
        long elevator = freshElevator();
        long incident = staffReport("callcentre", elevator, Symptom.STOPPED);
        at(minutes(5));
        supervisor.sweep();
        assertThat(breaches(incident)).isEmpty();
        at(minutes(6));
        take("mcmanager", incident, Step.ACCEPTED);
        List<Map<String, Object>> breaches = breaches(incident);
        assertThat(breaches).extracting(b -> b.get("kind")).containsExactly("ACCEPT");
        assertThat(((Number) breaches.get(0).get("company_id")).longValue()).isEqualTo(yunhe);
        assertThat(((Number) breaches.get(0).get("limit_minutes")).intValue()).isEqualTo(5);
        supervisor.sweep();
        supervisor.sweep();
        assertThat(breaches(incident)).hasSize(1);
        assertThat(steps(incident).stream().filter("BREACHED"::equals).count()).isEqualTo(1);
        // a stopped elevator has no arrival limit: an hour without arrival is no breach
        at(minutes(61));
        supervisor.sweep();
        assertThat(breaches(incident)).extracting(b -> b.get("kind")).containsExactly("ACCEPT");
        take("mcmanager", incident, Step.FALSE_ALARM, new IncidentWork.StepInput(null, null, "测试"));
    }

    static final AtomicInteger SERIAL = new AtomicInteger(800_000);

    @Test
    void anElevatorNobodyMaintainsGoesStraightToTheRegulator() throws Exception {
        long regulatorOrg = demo.organization("拱墅区市场监管局");
        long hengan = demo.organization("恒安电梯");
        long useUnit = demo.organization("小河佳苑物业");
        long community = jdbc.sql("SELECT id FROM community WHERE name = '事件测试苑'").query(Long.class).optional()
                .orElse(-1L);
        if (community < 0) {
            mvc.perform(post("/api/v1/communities").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"districtCode":"330105","street":"小河街道","name":"事件测试苑","useUnitId":%d}
                            """.formatted(useUnit))).andExpect(status().isCreated());
            community = demo.community("事件测试苑");
        }
        ResultActions registered = mvc.perform(post("/api/v1/elevators").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"registrationCode":"31103301052025%06d","type":"TRACTION","brand":"康力","model":"KLK2",
                                 "manufactureDate":"2024-01-10","commissioningDate":"2024-06-01","stops":18,
                                 "ratedLoadKg":1000,"ratedSpeed":1.75,"useCategory":"RESIDENTIAL","communityId":%d,
                                 "building":"1幢","unit":"1单元"}""".formatted(SERIAL.incrementAndGet(), community)))
                .andExpect(status().isCreated());
        long elevator = readLong(registered, "$.id");
        long incident = staffReport("callcentre", elevator, Symptom.TRAPPED);
        assertThat(incidentColumn(incident, "status")).isEqualTo("REPORTED");
        assertThat(incidentColumn(incident, "rescue_company_id")).isNull();
        assertThat(incidentColumn(incident, "escalated_at")).isNotNull();
        assertThat(steps(incident)).containsExactly("REPORTED", "ESCALATED");
        assertThat(count("SELECT count(*) FROM notification WHERE incident_id = ? AND organization_id = ? "
                + "AND kind = 'ESCALATED'", incident, regulatorOrg)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notification WHERE incident_id = ? AND kind = 'DISPATCHED'", incident))
                .isZero();
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("maintainer2"))).andExpect(status().isNotFound());
        step("regulator", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isForbidden());
        step("maintainer2", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isNotFound());
        at(minutes(3));
        step("callcentre", incident, "{\"step\":\"REASSIGNED\",\"unitId\":" + hengan + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.status").value("DISPATCHED"));
        assertThat(count("SELECT count(*) FROM notification WHERE incident_id = ? AND organization_id = ? "
                + "AND kind = 'DISPATCHED'", incident, hengan)).isEqualTo(1);
        step("maintainer2", incident, "{\"step\":\"ACCEPTED\"}").andExpect(status().isOk());
        at(minutes(20));
        arrive("maintainer2", incident, elevator);
        // with nobody accountable, a breach has no company
        at(minutes(200));
        supervisor.sweep();
        assertThat(breaches(incident)).extracting(b -> b.get("kind")).containsExactly("RESTORE");
        assertThat(breaches(incident).get(0).get("company_id")).isNull();
        take("maintainer2", incident, Step.RELEASED);
        take("maintainer2", incident, Step.RESTORED);
    }

    // ---------------------------------------------------------------- rules

    static final String DEFAULT_RULE = """
            {"acceptMinutes":5,"arrivalMinutes":30,"escalatePercent":67,"restoreEntrapmentMinutes":120,
             "restoreOutOfServiceMinutes":1440,"restoreHazardMinutes":2880,"restoreMinorMinutes":10080}""";

    @Test
    void theRegulatorSetsTheDistrictsLimitsForIncidentsStillToCome() throws Exception {
        long before = staffReport("callcentre", freshElevator(), Symptom.TRAPPED);
        mvc.perform(get("/api/v1/incidents/rules").with(users.as("regulator"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.districtCode == '330105')].rule.arrivalMinutes").value(hasItem(30)));
        try {
            mvc.perform(put("/api/v1/incidents/rules/330105").with(users.as("maintainer"))
                    .contentType(MediaType.APPLICATION_JSON).content(DEFAULT_RULE.replace("\"arrivalMinutes\":30",
                            "\"arrivalMinutes\":15"))).andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/incidents/rules/330105").with(users.as("regulator"))
                            .contentType(MediaType.APPLICATION_JSON).content(DEFAULT_RULE.replace("\"arrivalMinutes\":30",
                                    "\"arrivalMinutes\":15")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.arrivalMinutes").value(15));
            mvc.perform(get("/api/v1/incidents/rules").with(users.as("regulator")))
                    .andExpect(jsonPath("$[?(@.districtCode == '330105')].rule.arrivalMinutes").value(hasItem(15)));
            long after = staffReport("callcentre", freshElevator(), Symptom.TRAPPED);
            assertThat(incidentColumn(after, "arrival_minutes")).isEqualTo("15");
            assertThat(incidentColumn(before, "arrival_minutes")).isEqualTo("30");
            mvc.perform(get("/api/v1/incidents/" + after).with(users.as("regulator")))
                    .andExpect(jsonPath("$.incident.limits[?(@.kind == 'ARRIVAL')].minutes").value(hasItem(15)));
            // and the sweep holds each to its own
            at(minutes(16));
            supervisor.sweep();
            assertThat(breaches(after)).extracting(b -> b.get("kind")).contains("ARRIVAL");
            assertThat(breaches(before)).extracting(b -> b.get("kind")).doesNotContain("ARRIVAL");

            mvc.perform(put("/api/v1/incidents/rules/330105").with(users.as("regulator"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"acceptMinutes":0,"arrivalMinutes":500,"escalatePercent":67,
                                     "restoreEntrapmentMinutes":600,"restoreOutOfServiceMinutes":1440,
                                     "restoreHazardMinutes":2880,"restoreMinorMinutes":5}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                            "acceptMinutes", "arrivalMinutes", "restoreMinorMinutes")))
                    .andExpect(jsonPath("$.errors[0].message").value("应在 1 到 120 之间。"));
            mvc.perform(put("/api/v1/incidents/rules/999999").with(users.as("regulator"))
                    .contentType(MediaType.APPLICATION_JSON).content(DEFAULT_RULE)).andExpect(status().isNotFound());
            assertThat(count("SELECT arrival_minutes FROM response_rule r JOIN district d ON d.id = r.district_id "
                    + "WHERE d.code = '330105'")).isEqualTo(15);
            take("maintainer", after, Step.FALSE_ALARM, new IncidentWork.StepInput(null, null, "测试"));
        }
        finally {
            mvc.perform(put("/api/v1/incidents/rules/330105").with(users.as("regulator"))
                    .contentType(MediaType.APPLICATION_JSON).content(DEFAULT_RULE)).andExpect(status().isOk());
        }
        take("maintainer", before, Step.FALSE_ALARM, new IncidentWork.StepInput(null, null, "测试"));
    }

    // ---------------------------------------------------------------- repair orders

    String completion(String parts, Long before, Long after) {
        return "{\"diagnosis\":\"厅门门锁触点烧蚀\",\"faultLocation\":\"DOORS\",\"labourHours\":1.5,"
                + (before == null ? "" : "\"beforePhotoId\":" + before + ",")
                + (after == null ? "" : "\"afterPhotoId\":" + after + ",")
                + "\"parts\":" + parts + "}";
    }

    long partId(String code) {
        return jdbc.sql("SELECT id FROM part WHERE code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void aRepairOrderFollowsArrivalAndIsCompletedOnceWithCataloguedParts() throws Exception {
        long elevator = freshElevator("运河电梯", "小河佳苑");
        long incident = staffReport("property", elevator, Symptom.TRAPPED);
        take("maintainer", incident, Step.ACCEPTED);
        mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":" + incident + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("repair-needs-arrival"));
        at(minutes(12));
        arrive("maintainer", incident, elevator);
        at(minutes(13));
        mvc.perform(post("/api/v1/repair-orders").with(users.as("property")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":" + incident + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer2")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":" + incident + "}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        ResultActions opened = mvc.perform(post("/api/v1/repair-orders").with(users.as("maintainer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"incidentId\":" + incident
                                + ",\"description\":\"困人，门锁故障\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.incidentId").value(incident));
        long order = readLong(opened, "$.id");
        mvc.perform(post("/api/v1/repair-orders").with(users.as("mcmanager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":" + incident + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(order));
        assertThat(count("SELECT count(*) FROM repair_order WHERE incident_id = ?", incident)).isEqualTo(1);
        mvc.perform(get("/api/v1/incidents/" + incident).with(users.as("regulator")))
                .andExpect(jsonPath("$.repairOrderId").value(order));

        long ownPhoto = photos.upload(scope("maintainer"), PNG);
        long theirPhoto = photos.upload(scope("maintainer2"), PNG);
        String complete = "/api/v1/repair-orders/" + order + "/complete";
        long lock = partId("DLK");
        long slider = partId("DSH");
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[{\"partId\":999999999,\"action\":\"REPLACE\",\"quantity\":1,\"unitPrice\":100}]",
                                null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts[0].partId"))
                .andExpect(jsonPath("$.errors[0].message").value("请从配件目录中选择配件。"));
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[{\"partId\":" + lock + ",\"action\":\"REPLACE\",\"quantity\":1,\"unitPrice\":-1}]",
                                null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts[0].unitPrice"));
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[]", theirPhoto, ownPhoto)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("beforePhotoId")));
        String brand = jdbc.sql("SELECT brand FROM elevator WHERE id = :e").param("e", elevator).query(String.class).single();
        Part otherBrand = parts.save(scope("regulator"), new Part(null, "IT-BRK-X", "MACHINE", "专用制动器", "Brand brake",
                "不存在的品牌", "*", cn.liftcare.shared.Money.of("2000"), BigDecimal.ONE, 10));
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[{\"partId\":" + otherBrand.id().value()
                                + ",\"action\":\"REPLACE\",\"quantity\":1,\"unitPrice\":1900}]", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts[0].partId"))
                .andExpect(jsonPath("$.errors[0].message").value("配件 IT-BRK-X 不适用于品牌 " + brand + "。"));
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parts\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("diagnosis",
                        "faultLocation", "labourHours")));
        mvc.perform(post(complete).with(users.as("property")).contentType(MediaType.APPLICATION_JSON)
                .content(completion("[]", null, null))).andExpect(status().isForbidden());
        mvc.perform(post(complete).with(users.as("maintainer2")).contentType(MediaType.APPLICATION_JSON)
                .content(completion("[]", null, null))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT status FROM repair_order WHERE id = :o").param("o", order).query(String.class).single())
                .isEqualTo("OPEN");

        at(minutes(50));
        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[{\"partId\":" + lock + ",\"action\":\"REPLACE\",\"quantity\":2,\"unitPrice\":360.50},"
                                + "{\"partId\":" + slider + ",\"action\":\"REPAIR\",\"quantity\":4,\"unitPrice\":40}]",
                                ownPhoto, ownPhoto)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.downtimeMinutes").value(50))
                .andExpect(jsonPath("$.faultLocation").value("DOORS"))
                .andExpect(jsonPath("$.parts.length()").value(2));
        List<Map<String, Object>> lines = jdbc.sql("""
                SELECT part_id, action, quantity, unit_price, guide_price FROM repair_order_part
                WHERE repair_order_id = :o ORDER BY line""").param("o", order).query().listOfRows();
        assertThat(lines).hasSize(2);
        assertThat(((Number) lines.get(0).get("part_id")).longValue()).isEqualTo(lock);
        assertThat(lines.get(0).get("action")).isEqualTo("REPLACE");
        assertThat(((Number) lines.get(0).get("quantity")).intValue()).isEqualTo(2);
        assertThat((BigDecimal) lines.get(0).get("unit_price")).isEqualByComparingTo("360.50");
        assertThat((BigDecimal) lines.get(0).get("guide_price")).isEqualByComparingTo("380.00");
        assertThat((BigDecimal) lines.get(1).get("guide_price")).isEqualByComparingTo("40.00");
        assertThat(jdbc.sql("SELECT out_of_service_at FROM repair_order WHERE id = :o").param("o", order)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(t0);
        List<String> audit = jdbc.sql("""
                SELECT action || ' ' || coalesce(after_state, '') FROM audit_entry
                WHERE entity_type = 'repair_order' AND entity_id = :o ORDER BY id""")
                .param("o", String.valueOf(order)).query(String.class).list();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1)).contains("COMPLETED", "厅门门锁触点烧蚀");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE entity_type = 'repair_order' AND entity_id = :o "
                + "ORDER BY id DESC LIMIT 1").param("o", String.valueOf(order)).query(String.class).single())
                .contains("maintainer");

        mvc.perform(post(complete).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                        .content(completion("[]", null, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("repair-order-completed"));
        mvc.perform(get("/api/v1/repair-orders/" + order).with(users.as("property"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.diagnosis").value("厅门门锁触点烧蚀"));
        mvc.perform(get("/api/v1/repair-orders/" + order).with(users.as("maintainer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/repair-orders").with(users.as("mcmanager"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem((int) order)));
        mvc.perform(get("/api/v1/repair-orders").with(users.as("maintainer2")))
                .andExpect(jsonPath("$[?(@.id == " + order + ")]").isEmpty());
    }

    @Test
    void anAbnormalMaintenanceItemOpensARepairOrderForTheCompany() throws Exception {
        clock.fix(LocalDate.now(LiftCareTime.ZONE).plusDays(150).atTime(10, 0).atZone(LiftCareTime.ZONE).toInstant());
        ElevatorId elevator = new ElevatorId(jdbc.sql("""
                SELECT p.elevator_id FROM maintenance_plan p JOIN organization o ON o.id = p.maintenance_company_id
                WHERE o.short_name = '运河电梯' AND p.elevator_status = 'IN_SERVICE' AND p.elevator_type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM maintenance_visit v WHERE v.elevator_id = p.elevator_id
                                  AND v.status IN ('PLANNED', 'CHECKED_IN', 'SUBMITTED'))
                ORDER BY random() LIMIT 1""").query(Long.class).single());
        Scope maintainer = scope("maintainer");
        VisitView visit = maintenance.checkIn(maintainer, elevator, tokens.current(elevator), null, null).visit();
        long photo = photos.upload(maintainer, PNG);
        List<ChecklistEntry> entries = new ArrayList<>();
        String abnormal = null;
        for (String code : visit.dueItems()) {
            MaintenanceItem item = catalogue.find(code).orElseThrow();
            BigDecimal value = item.isNumeric() ? item.valueMin() == null ? BigDecimal.ONE
                    : item.valueMin().add(BigDecimal.ONE) : null;
            if (abnormal == null && !item.isNumeric() && !item.isTest()) {
                abnormal = code;
                entries.add(new ChecklistEntry(code, ItemResult.ABNORMAL, null, "曳引轮绳槽磨损严重", null));
            }
            else {
                entries.add(new ChecklistEntry(code, ItemResult.CLEANED_LUBRICATED, value, null,
                        item.isTest() ? photo : null));
            }
        }
        Instant end = time.now();
        maintenance.record(maintainer, visit.id(), entries, end.minusSeconds(6000), end, UUID.randomUUID().toString());
        long need = jdbc.sql("SELECT id FROM repair_need WHERE visit_id = :v").param("v", visit.id().value())
                .query(Long.class).single();
        Map<String, Object> order = jdbc.sql("""
                SELECT id, elevator_id, company_id, incident_id, status, description FROM repair_order
                WHERE repair_need_id = :n""").param("n", need).query().singleRow();
        assertThat(((Number) order.get("elevator_id")).longValue()).isEqualTo(elevator.value());
        assertThat(((Number) order.get("company_id")).longValue()).isEqualTo(demo.organization("运河电梯"));
        assertThat(order.get("incident_id")).isNull();
        assertThat(order.get("status")).isEqualTo("OPEN");
        assertThat((String) order.get("description")).startsWith(abnormal).contains("曳引轮绳槽磨损严重");
        long id = ((Number) order.get("id")).longValue();
        mvc.perform(get("/api/v1/repair-orders?open=true").with(users.as("mcmanager")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].repairNeedId").value(hasItem((int) need)));
        mvc.perform(post("/api/v1/repair-orders/" + id + "/complete").with(users.as("mcmanager"))
                        .contentType(MediaType.APPLICATION_JSON).content(completion("[{\"partId\":" + partId("ROPE")
                                + ",\"action\":\"REPLACE\",\"quantity\":4,\"unitPrice\":1500}]", null, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.downtimeMinutes").doesNotExist());
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void theMonthsFiguresPerCompany() throws Exception {
        // a month of its own, years ahead, so no other incident of the company falls in it
        LocalDate day = LocalDate.now(LiftCareTime.ZONE).plusYears(4).withMonth(3).withDayOfMonth(10);
        t0 = day.atTime(9, 0).atZone(LiftCareTime.ZONE).toInstant();
        clock.fix(t0);
        String month = YearMonth.from(day).toString();
        long yunhe = demo.organization("运河电梯");
        long a = freshElevator(), b = freshElevator(), c = freshElevator(), d = freshElevator(), e = freshElevator();
        long ia = staffReport("callcentre", a, Symptom.TRAPPED);
        long ib = staffReport("callcentre", b, Symptom.TRAPPED);
        long ic = staffReport("callcentre", c, Symptom.TRAPPED);
        long id = staffReport("callcentre", d, Symptom.STOPPED);
        long ie = staffReport("callcentre", e, Symptom.TRAPPED);
        at(minutes(1));
        for (long incident : List.of(ia, ib, ic, id)) {
            take("maintainer", incident, Step.ACCEPTED);
        }
        take("maintainer", ie, Step.FALSE_ALARM, new IncidentWork.StepInput(null, null, "五方对讲误报"));
        at(minutes(5));
        arrive("maintainer", id, d);
        at(minutes(10));
        arrive("maintainer", ia, a);
        at(minutes(15));
        take("maintainer", ia, Step.RELEASED);
        at(minutes(20));
        arrive("maintainer", ib, b);
        take("maintainer", ib, Step.RELEASED);
        at(minutes(30));
        take("maintainer", ia, Step.RESTORED);
        at(minutes(40));
        arrive("maintainer", ic, c);
        take("maintainer", ic, Step.RELEASED);
        at(minutes(60));
        take("maintainer", ib, Step.RESTORED);
        at(minutes(90));
        take("maintainer", ic, Step.RESTORED);
        at(minutes(120));
        take("maintainer", id, Step.RESTORED);
        clock.reset();

        long elevators = jdbc.sql("""
                SELECT sum(elevators) FROM elevator_tally WHERE maintenance_company_id = :c AND status <> 'SCRAPPED'""")
                .param("c", yunhe).query(Long.class).single();
        double years = YearMonth.from(day).lengthOfMonth() / 365.0;
        String body = mvc.perform(get("/api/v1/incidents/metrics?month=" + month + "&by=COMPANY").with(users.as("regulator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(body, "$[?(@.key == " + yunhe + ")]");
        assertThat(rows).hasSize(1);
        Map<String, Object> m = rows.get(0);
        assertThat(m.get("name")).isEqualTo(jdbc.sql("SELECT short_name FROM organization WHERE id = :id")
                .param("id", yunhe).query(String.class).single());
        assertThat(((Number) m.get("elevators")).longValue()).isEqualTo(elevators);
        assertThat(((Number) m.get("faults")).longValue()).as("a false alarm is no fault").isEqualTo(4);
        assertThat(((Number) m.get("entrapments")).longValue()).isEqualTo(3);
        assertThat(((Number) m.get("arrivals")).longValue()).isEqualTo(3);
        assertThat(((Number) m.get("meanArrivalMinutes")).doubleValue()).isEqualTo(23.33);
        // percentile_cont over 10, 20, 40: 20 + 0.8 × 20
        assertThat(((Number) m.get("p90ArrivalMinutes")).doubleValue()).isEqualTo(36.0);
        assertThat(((Number) m.get("arrivalsWithinLimitShare")).doubleValue()).isEqualTo(0.67);
        assertThat(((Number) m.get("meanDowntimeMinutes")).doubleValue()).isEqualTo(75.0);
        assertThat(((Number) m.get("breaches")).longValue()).isEqualTo(1);
        assertThat(((Number) m.get("faultsPerElevatorYear")).doubleValue())
                .isEqualTo(Math.round(4 / (elevators * years) * 100) / 100.0);
        assertThat(((Number) m.get("entrapmentsPerElevatorYear")).doubleValue())
                .isEqualTo(Math.round(3 / (elevators * years) * 100) / 100.0);
        // no other company had anything that month
        assertThat(JsonPath.<List<Number>>read(body, "$[*].key")).extracting(Number::longValue).containsExactly(yunhe);

        // the same month per elevator: one elevator each
        mvc.perform(get("/api/v1/incidents/metrics?month=" + month + "&by=ELEVATOR").with(users.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == " + c + ")].p90ArrivalMinutes").value(hasItem(40.0)))
                .andExpect(jsonPath("$[?(@.key == " + c + ")].arrivalsWithinLimitShare").value(hasItem(0.0)))
                .andExpect(jsonPath("$[?(@.key == " + c + ")].elevators").value(hasItem(1)))
                .andExpect(jsonPath("$[?(@.key == " + e + ")].faults").value(hasItem(0)));
        // another company sees none of it
        mvc.perform(get("/api/v1/incidents/metrics?month=" + month).with(users.as("maintainer2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/incidents/metrics?month=2026-13").with(users.as("regulator")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(get("/api/v1/incidents/metrics?month=March").with(users.as("regulator")))
                .andExpect(status().isBadRequest());
    }

    // ---------------------------------------------------------------- the parts catalogue

    @Test
    void thePartsCatalogueIsReadByAllAndPricedByTheRegulator() throws Exception {
        String doors = mvc.perform(get("/api/v1/parts?category=DOORS").with(users.as("maintainer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(doors, "$[*].category")).isNotEmpty().containsOnly("DOORS");
        assertThat(JsonPath.<List<String>>read(doors, "$[*].code"))
                .contains("DO-MC", "DO-C", "DO-S", "DLK", "DSH", "DHR", "LC", "DBELT");
        mvc.perform(get("/api/v1/parts?q=门锁").with(users.as("owners"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(hasItem("DLK")));
        mvc.perform(get("/api/v1/parts?category=DOORS&q=DLK").with(users.as("property")))
                .andExpect(jsonPath("$[?(@.code == 'DLK')].guidePrice").value(hasItem(380.0)));

        String code = "IT-LC-" + (System.nanoTime() % 100000);
        String part = """
                {"category":"DOORS","nameZh":"光幕(测试)","nameEn":"Light curtain (test)","brands":"康力, 奥的斯",
                 "guidePrice":%s,"labourHours":2,"expectedLifeYears":6}""";
        mvc.perform(put("/api/v1/parts/" + code).with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(part.formatted("900")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value(code));
        mvc.perform(put("/api/v1/parts/" + code).with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(part.formatted("950.5")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.guidePrice").value(950.5));
        assertThat(jdbc.sql("SELECT guide_price FROM part WHERE code = :c").param("c", code).query(BigDecimal.class)
                .single()).isEqualByComparingTo("950.50");
        assertThat(count("SELECT version FROM part WHERE code = ?", code)).isEqualTo(1);
        mvc.perform(get("/api/v1/parts?category=DOORS&brand=日立").with(users.as("maintainer")))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.not(hasItem(code))))
                .andExpect(jsonPath("$[*].code").value(hasItem("DLK")));
        mvc.perform(get("/api/v1/parts?category=DOORS&brand=奥的斯").with(users.as("maintainer")))
                .andExpect(jsonPath("$[*].code").value(hasItem(code)));

        mvc.perform(put("/api/v1/parts/" + code).with(users.as("maintainer")).contentType(MediaType.APPLICATION_JSON)
                .content(part.formatted("1"))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/parts/bad_code").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"WINGS\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"guidePrice\":0,"
                                + "\"labourHours\":-1,\"expectedLifeYears\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("code",
                        "category", "guidePrice", "labourHours", "expectedLifeYears")));
        mvc.perform(put("/api/v1/parts/" + code).with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(part.formatted("1").replace("光幕(测试)", "光".repeat(101))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameZh"));
        assertThat(jdbc.sql("SELECT guide_price FROM part WHERE code = :c").param("c", code).query(BigDecimal.class)
                .single()).isEqualByComparingTo("950.50");
    }
}
