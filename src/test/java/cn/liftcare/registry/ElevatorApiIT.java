package cn.liftcare.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registering and amending through the API: validation as problem+json, history from the audit log. */
@LiftCareTest
class ElevatorApiIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    final JsonMapper json = JsonMapper.builder().build();
    long community;

    @BeforeEach
    void setUp() {
        community = new DemoData(jdbc).community("大关苑");
    }

    static String body(String code, String commissioned, int stops, long community) {
        return """
                {"registrationCode":"%s","emergencyCode":null,"type":"TRACTION","brand":"通力","model":"MonoSpace",
                 "manufactureDate":"2016-01-05","commissioningDate":"%s","stops":%d,"ratedLoadKg":1000,
                 "ratedSpeed":1.75,"useCategory":"RESIDENTIAL","communityId":%d,"building":"8幢","unit":"2单元"}
                """.formatted(code, commissioned, stops, community);
    }

    @Test
    void badInputAnswersProblemJsonNamingEachField() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM elevator").query(Long.class).single();
        mvc.perform(post("/api/v1/elevators").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("3310330105", "2015-01-01", 1, community)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://liftcare.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("registrationCode", "commissioningDate", "stops")))
                .andExpect(jsonPath("$.detail").value(containsString("投用日期不能早于制造日期")));
        mvc.perform(post("/api/v1/elevators").with(users.as("regulator")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body("31103301052016777001", "2099-01-01", 18, community)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commissioningDate"))
                .andExpect(jsonPath("$.errors[0].message").value("Cannot be later than today."));
        assertThat(jdbc.sql("SELECT count(*) FROM elevator").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aUseUnitCannotRegisterIntoAnotherCommunity() throws Exception {
        mvc.perform(post("/api/v1/elevators").with(users.as("property")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("31103301052016777002", "2016-06-01", 18, community)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("communityId"));
    }

    @Test
    void registeringThenAmendingKeepsTheHistory() throws Exception {
        String created = mvc.perform(post("/api/v1/elevators").with(users.as("regulator"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("31103301052016777003", "2016-06-01", 18, community)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.community").value("大关苑"))
                .andExpect(jsonPath("$.useUnit").value("杭州大关苑物业管理有限公司"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        // the same registration code again is refused
        mvc.perform(post("/api/v1/elevators").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("31103301052016777003", "2016-06-01", 18, community)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("注册代码 31103301052016777003 已被登记。"));

        mvc.perform(put("/api/v1/elevators/" + id).with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("31103301052016777003", "2016-06-01", 24, community)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stops").value(24));
        // an amendment that changes nothing records nothing
        mvc.perform(put("/api/v1/elevators/" + id).with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                .content(body("31103301052016777003", "2016-06-01", 24, community))).andExpect(status().isOk());

        JsonNode history = json.readTree(mvc.perform(get("/api/v1/elevators/" + id + "/history").with(users.as("regulator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(history).hasSize(2);
        JsonNode update = history.get(0);
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asString()).isEqualTo("regulator");
        assertThat(update.get("changes")).hasSize(1);
        assertThat(update.get("changes").get(0).get("field").asString()).isEqualTo("stops");
        assertThat(update.get("changes").get(0).get("before").asString()).isEqualTo("18");
        assertThat(update.get("changes").get(0).get("after").asString()).isEqualTo("24");
        assertThat(history.get(1).get("action").asString()).isEqualTo("CREATE");
    }

    @Test
    void englishErrorsComeFromTheEnglishBundle() throws Exception {
        mvc.perform(get("/api/v1/elevators?ageBand=old").with(users.as("regulator")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Age band \"old\" is not valid; use 0-5, 5-10, 10-15, 15-20 or 20+."));
    }
}
