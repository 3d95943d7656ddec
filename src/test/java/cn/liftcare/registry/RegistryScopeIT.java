package cn.liftcare.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each demo party sees exactly its scope of the registry, enforced by the SQL behind the API. */
@LiftCareTest
class RegistryScopeIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    final JsonMapper json = JsonMapper.builder().build();
    DemoData demo;

    @BeforeEach
    void setUp() {
        demo = new DemoData(jdbc);
    }

    JsonNode list(String user, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/elevators?size=200" + query).with(users.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void aMaintainerListsOnlyItsCompanysElevators() throws Exception {
        long yunhe = demo.organization("运河电梯");
        long expected = demo.count("SELECT count(*) FROM elevator WHERE maintenance_company_id = " + yunhe);
        JsonNode page = list("maintainer", "");
        assertThat(page.get("total").asLong()).isEqualTo(expected).isPositive();
        assertThat(page.get("items")).allSatisfy(e -> assertThat(e.get("maintenanceCompanyId").asLong()).isEqualTo(yunhe));
        // filtering for another company's elevators finds none, rather than leaking them
        long hengan = demo.organization("恒安电梯");
        assertThat(list("maintainer", "&maintenanceCompany=" + hengan).get("total").asLong()).isZero();
    }

    @Test
    void anotherCompanysElevatorAnswers404AsIfItDidNotExist() throws Exception {
        long theirs = demo.elevator("小河佳苑", "恒安电梯");
        for (String path : List.of("", "/history", "/qr.svg", "/qr.png")) {
            String missing = mvc.perform(get("/api/v1/elevators/999999999" + path).with(users.as("maintainer")))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            String outOfScope = mvc.perform(get("/api/v1/elevators/" + theirs + path).with(users.as("maintainer")))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(outOfScope.replace(String.valueOf(theirs), "X"))
                    .isEqualTo(missing.replace("999999999", "X"));
        }
        mvc.perform(get("/elevators/" + theirs).with(users.as("maintainer"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elevators/" + theirs).with(users.as("maintainer2"))).andExpect(status().isOk());
    }

    @Test
    void eachPartySeesItsOwnScope() throws Exception {
        long all = demo.count("SELECT count(*) FROM elevator e JOIN district d ON d.id = e.district_id WHERE d.code = '330105'");
        long useUnit = demo.organization("小河佳苑物业");
        long owners = demo.organization("小河佳苑业委会");
        long property = demo.count("SELECT count(*) FROM elevator e JOIN community c ON c.id = e.community_id "
                + "WHERE e.use_unit_id = " + useUnit + " OR c.use_unit_id = " + useUnit);
        long committee = demo.count("SELECT count(*) FROM elevator e JOIN community c ON c.id = e.community_id "
                + "WHERE c.owners_committee_id = " + owners);
        long hengan = demo.count("SELECT count(*) FROM elevator WHERE maintenance_company_id = "
                + demo.organization("恒安电梯"));
        Map<String, Long> expected = Map.of("regulator", all, "callcentre", all, "insurer", all, "supervisor", all,
                "inspector", all, "property", property, "owners", committee, "maintainer2", hengan);
        for (var e : expected.entrySet()) {
            assertThat(list(e.getKey(), "").get("total").asLong()).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(list("admin", "").get("total").asLong()).isGreaterThanOrEqualTo(all);
        assertThat(committee).isEqualTo(94);
        assertThat(list("owners", "").get("items"))
                .allSatisfy(e -> assertThat(e.get("community").asString()).isEqualTo("小河佳苑"));
    }

    @Test
    void communitiesAreScopedToo() throws Exception {
        String body = mvc.perform(get("/api/v1/communities").with(users.as("owners"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode page = json.readTree(body);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("小河佳苑");
        assertThat(page.get("items").get(0).get("elevators").asLong()).isEqualTo(94);
        mvc.perform(get("/api/v1/communities/" + demo.community("半山和苑")).with(users.as("owners")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/communities/" + demo.community("半山和苑")).with(users.as("regulator")))
                .andExpect(status().isOk());
    }

    @Test
    void filtersCombineWithScope() throws Exception {
        long xiaoheId = demo.community("小河佳苑");
        JsonNode byName = list("regulator", "&community=小河佳苑");
        JsonNode byId = list("regulator", "&community=" + xiaoheId);
        assertThat(byName.get("total").asLong()).isEqualTo(94).isEqualTo(byId.get("total").asLong());
        JsonNode old = list("regulator", "&community=小河佳苑&ageBand=0-5");
        assertThat(old.get("total").asLong()).isZero();
        JsonNode brand = list("regulator", "&brand=奥的斯&status=IN_SERVICE&type=TRACTION");
        assertThat(brand.get("items")).allSatisfy(e -> {
            assertThat(e.get("brand").asString()).isEqualTo("奥的斯");
            assertThat(e.get("status").asString()).isEqualTo("IN_SERVICE");
        });
        JsonNode paged = json.readTree(mvc.perform(get("/api/v1/elevators?community=小河佳苑&size=20&page=4")
                .with(users.as("regulator"))).andReturn().getResponse().getContentAsString());
        assertThat(paged.get("items")).hasSize(14);
        assertThat(paged.get("total").asLong()).isEqualTo(94);
        mvc.perform(get("/api/v1/elevators?ageBand=10-20").with(users.as("regulator")))
                .andExpect(status().isBadRequest());
    }
}
