package cn.liftcare.demo;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district matches what the Gongshu reports describe, and is seeded once. */
@LiftCareTest
class DemoDistrictIT {

    @Autowired JdbcClient jdbc;
    @Autowired DemoDistrict district;
    @Autowired LiftCareTime time;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void xiaoheJiayuanHas94ElevatorsOf8BrandsBy5CompaniesAllOver10YearsOld() {
        String xiaohe = "FROM elevator e JOIN community c ON c.id = e.community_id WHERE c.name = '小河佳苑'";
        assertThat(count("SELECT count(*) " + xiaohe)).isEqualTo(94);
        assertThat(count("SELECT count(DISTINCT e.brand) " + xiaohe)).isEqualTo(8);
        assertThat(count("SELECT count(DISTINCT e.maintenance_company_id) " + xiaohe)).isEqualTo(5);
        LocalDate tenYearsAgo = time.today().minusYears(10);
        assertThat(jdbc.sql("SELECT max(e.commissioning_date) " + xiaohe).query(LocalDate.class).single())
                .isBefore(tenYearsAgo);
    }

    @Test
    void theDistrictHasAbout1000ElevatorsInAbout15CommunitiesIncludingTheNamedOnes() {
        long seeded = count("SELECT count(*) FROM audit_entry WHERE entity_type = 'elevator' AND actor = 'system'");
        assertThat(seeded).isBetween(900L, 1100L);
        List<String> names = jdbc.sql("SELECT name FROM community").query(String.class).list();
        assertThat(names).contains("小河佳苑", "湖墅嘉园", "金星桃源居", "清水公寓", "墨香苑", "大浒东苑", "青莎阁", "天时苑");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE entity_type = 'community' AND actor = 'system'"))
                .isBetween(12L, 20L);
    }

    @Test
    void agesRunFrom1To25YearsWithAnOldDistrictsShape() {
        List<Integer> ages = jdbc.sql("""
                SELECT date_part('year', age(:today, commissioning_date))::int FROM elevator e
                WHERE e.id IN (SELECT entity_id::bigint FROM audit_entry WHERE entity_type = 'elevator' AND actor = 'system')""")
                .param("today", time.today()).query(Integer.class).list();
        assertThat(ages).allSatisfy(a -> assertThat(a).isBetween(0, 25));
        assertThat(ages.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
        assertThat(ages.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(24);
        long over10 = ages.stream().filter(a -> a >= 10).count();
        assertThat(over10 * 100 / ages.size()).as("share of elevators 10+ years old").isBetween(50L, 85L);
    }

    @Test
    void thePartiesOfTheModelAreThere() {
        assertThat(count("SELECT count(*) FROM organization WHERE type = 'REGULATOR'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT short_name FROM organization WHERE type = 'INSURER' ORDER BY id").query(String.class)
                .list()).containsExactly("浙商财险", "人保财险");
        assertThat(count("SELECT count(*) FROM organization WHERE type = 'SUPERVISOR'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organization WHERE type = 'INSPECTION_BODY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organization WHERE type = 'MAINTENANCE_COMPANY' AND licence_no LIKE 'TS%'"))
                .isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM community WHERE (use_unit_id IS NULL OR owners_committee_id IS NULL) "
                + "AND id IN (SELECT entity_id::bigint FROM audit_entry WHERE entity_type = 'community' AND actor = 'system')"))
                .isZero();
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list())
                .contains("regulator", "insurer", "supervisor", "inspector", "maintainer", "property", "owners");
    }

    @Test
    void seedingTwiceSeedsOnce() {
        long elevators = count("SELECT count(*) FROM elevator");
        assertThat(district.seedOnce()).isFalse();
        assertThat(count("SELECT count(*) FROM elevator")).isEqualTo(elevators);
    }
}
