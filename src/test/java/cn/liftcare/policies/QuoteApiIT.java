package cn.liftcare.policies;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Quotes through the API: scoped, explained component by component, and priced from the fault history. */
@LiftCareTest
class QuoteApiIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    String quote(String user, String body, int expected) throws Exception {
        return mvc.perform(post("/api/v1/quotes").with(users.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theUseUnitSeesEachElevatorsPremiumAndHowItAddsUp() throws Exception {
        DemoData demo = new DemoData(jdbc);
        long one = demo.elevator("小河佳苑", "运河电梯");
        long two = demo.elevator("小河佳苑", "恒安电梯");
        String body = quote("property", "{\"elevatorIds\":[" + one + "," + two + "," + one + "]}", 200);
        assertThat((Integer) JsonPath.read(body, "$.elevators.length()")).as("each elevator once").isEqualTo(2);
        assertThat((String) JsonPath.read(body, "$.rateVersion")).isEqualTo("2026-01");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 2; i++) {
            String q = "$.elevators[" + i + "].quote";
            BigDecimal components = BigDecimal.ZERO;
            for (int c = 0; c < 4; c++) {
                components = components.add(new BigDecimal(JsonPath.read(body, q + ".components[" + c + "].amount").toString()));
                assertThat((String) JsonPath.read(body, q + ".components[" + c + "].basis")).isNotBlank();
            }
            BigDecimal total = new BigDecimal(JsonPath.read(body, q + ".total").toString());
            assertThat(components.add(new BigDecimal(JsonPath.read(body, q + ".experienceAdjustment").toString()))
                    .add(new BigDecimal(JsonPath.read(body, q + ".loading").toString()))).isEqualByComparingTo(total);
            sum = sum.add(total);
        }
        assertThat(new BigDecimal(JsonPath.read(body, "$.total").toString())).isEqualByComparingTo(sum);
    }

    @Test
    void anElevatorWithMoreFaultsCostsMoreThanItsTwinWithout() throws Exception {
        // the demo's year of incidents: the elevator with the most faults, and one like it with none
        Long busy = jdbc.sql("""
                SELECT i.elevator_id FROM incident i JOIN elevator e ON e.id = i.elevator_id WHERE i.status <> 'FALSE_ALARM'
                  AND e.type = 'TRACTION' GROUP BY i.elevator_id, e.commissioning_date
                HAVING e.commissioning_date < current_date - 400 ORDER BY count(*) DESC, i.elevator_id LIMIT 1""")
                .query(Long.class).single();
        String body = quote("regulator", "{\"elevatorIds\":[" + busy + "]}", 200);
        double faults = ((Number) JsonPath.read(body, "$.elevators[0].facts.faultsPerYear")).doubleValue();
        double factor = ((Number) JsonPath.read(body, "$.elevators[0].quote.experienceFactor")).doubleValue();
        assertThat(faults).isGreaterThan(0);
        assertThat(factor).isCloseTo(Math.min(1.30, Math.max(0.85, 1 + (faults - 0.9) * 0.05)),
                org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void outOfScopeIsNotFoundTheWrongRoleIsForbiddenAndNothingIsBadInput() throws Exception {
        DemoData demo = new DemoData(jdbc);
        long elsewhere = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id WHERE c.name <> '小河佳苑'
                ORDER BY e.id LIMIT 1""").query(Long.class).single();
        quote("property", "{\"elevatorIds\":[" + elsewhere + "]}", 404);
        quote("property", "{\"elevatorIds\":[999999999]}", 404);
        quote("maintainer", "{\"elevatorIds\":[" + demo.elevator("小河佳苑", "运河电梯") + "]}", 403);
        mvc.perform(post("/api/v1/quotes").with(users.as("property")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elevatorIds\":[]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("elevatorIds"));
    }
}
