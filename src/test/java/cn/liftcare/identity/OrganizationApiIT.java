package cn.liftcare.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Organisations: the credit-code check speaks up, beside the field on the form and in the API. */
@LiftCareTest
class OrganizationApiIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    static String json(String code, String region) {
        return """
                {"type":"MAINTENANCE_COMPANY","name":"杭州测试维保有限公司","creditCode":"%s","licenceNo":"TS3433001-2029",
                 "regionCode":"%s"}""".formatted(code, region);
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithTheReason() throws Exception {
        mvc.perform(post("/api/v1/organizations").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(json("91330100716105852E", "330105")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("校验码不符：按 GB 32100 第 18 位应为“F”，现为“E”。"));
    }

    @Test
    void theFormShowsTheMessageBesideTheField() throws Exception {
        var page = Html.of(mvc.perform(post("/organizations/new").with(users.as("regulator")).with(csrf())
                        .param("type", "MAINTENANCE_COMPANY").param("name", "杭州测试").param("creditCode", "9133010071610585")
                        .param("licenceNo", "").param("regionCode", "330105"))
                .andExpect(status().isOk()));
        assertThat(page.selectFirst("#creditCode").hasClass("is-invalid")).isTrue();
        assertThat(Html.errorBeside(page, "creditCode")).isEqualTo("统一社会信用代码应为 18 位，现为 16 位。");
        assertThat(Html.errorBeside(page, "licenceNo")).isEqualTo("必填。");
    }

    @Test
    void aRegulatorRegistersPartiesOfItsJurisdictionOnly() throws Exception {
        mvc.perform(post("/api/v1/organizations").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(json("91350100M000100Y43", "350100")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        String created = mvc.perform(post("/api/v1/organizations").with(users.as("regulator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json("9144030071526726XG", "330105")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.creditCode").value("9144030071526726XG"))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).contains("\"type\":\"MAINTENANCE_COMPANY\"");
        mvc.perform(post("/api/v1/organizations").with(users.as("regulator")).contentType(MediaType.APPLICATION_JSON)
                        .content(json("9144030071526726xg", "330105")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码 9144030071526726XG 已被登记。"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'organization' AND actor = 'regulator'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void listsCarryTheirTotal() throws Exception {
        mvc.perform(get("/api/v1/organizations?type=MAINTENANCE_COMPANY").with(users.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(8)));
        mvc.perform(get("/api/v1/organizations?type=INSURER").with(users.as("maintainer")))
                .andExpect(jsonPath("$.total").value(0));
    }
}
