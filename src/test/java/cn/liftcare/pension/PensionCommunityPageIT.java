package cn.liftcare.pension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.policies.Cover;
import cn.liftcare.policies.Products;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A community's pension page: every figure against the tables it comes from (the registry's ages, the cover in force,
 * the product's schedule, the reserve's journal lines, the cases), and who sees which community.
 */
@LiftCareTest
class PensionCommunityPageIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Cover cover;
    @Autowired Products products;
    @Autowired LiftCareTime time;

    Document page(String user, long community) throws Exception {
        return Html.of(mvc.perform(get("/pension/communities/{id}", community).with(users.as(user))).andExpect(status().isOk()));
    }

    static BigDecimal amount(String text) {
        return new BigDecimal(text.replace(",", "").replace("¥", "").strip());
    }

    static int percent(String text) {
        return Integer.parseInt(text.replace("%", "").strip());
    }

    /** What the tables say of each of a community's elevators today: age, cover and its insurer and product. */
    record Expected(long id, String code, int age, Long insurer, String product) {
    }

    List<Expected> expected(long community, String companyShortName) {
        LocalDate today = time.today();
        return jdbc.sql("""
                SELECT e.id, e.registration_code,
                       date_part('year', age(CAST(:today AS DATE), coalesce(e.renewed_on, e.commissioning_date)))::int,
                       (SELECT p.insurer_id FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                        WHERE pe.elevator_id = e.id AND p.issued_on IS NOT NULL AND pe.cover_from <= :today
                          AND pe.cover_to > :today ORDER BY pe.cover_from DESC LIMIT 1),
                       (SELECT p.product_version FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                        WHERE pe.elevator_id = e.id AND p.issued_on IS NOT NULL AND pe.cover_from <= :today
                          AND pe.cover_to > :today ORDER BY pe.cover_from DESC LIMIT 1)
                FROM elevator e WHERE e.community_id = :c AND e.status <> 'SCRAPPED'
                  AND (CAST(:company AS VARCHAR) IS NULL
                       OR e.maintenance_company_id = (SELECT id FROM organization WHERE short_name = :company))""")
                .param("today", today).param("c", community).param("company", companyShortName)
                .query((rs, i) -> {
                    long insurer = rs.getLong(4);
                    return new Expected(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.wasNull() ? null : insurer,
                            rs.getString(5));
                }).list();
    }

    /** The reserve of an elevator in an insurer's books: its journal lines up to today. */
    BigDecimal reserve(long insurer, long elevator) {
        return jdbc.sql("""
                SELECT coalesce(sum(l.credit) - sum(l.debit), 0) FROM journal_line l
                JOIN ledger_account a ON a.id = l.account_id JOIN journal_entry j ON j.id = l.entry_id
                WHERE a.purpose = 'PENSION_RESERVE' AND a.owner_id = :insurer AND a.party_id = :elevator
                  AND j.effective_on <= :today""").param("insurer", insurer).param("elevator", elevator)
                .param("today", time.today()).query(BigDecimal.class).single();
    }

    @Test
    void theOwnersSeeEachElevatorsAgeYearsShareAndReserveAsTheTablesHoldThem() throws Exception {
        long xiaohe = new DemoData(jdbc).community("小河佳苑");
        Document page = page("owners", xiaohe);
        assertThat(page.select("#community-name").text()).isEqualTo("小河佳苑");
        List<Expected> expected = expected(xiaohe, null);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(94);
        Map<Long, Element> rows = new HashMap<>();
        page.select("#community-elevators tbody tr[data-elevator]").forEach(r -> rows.put(Long.valueOf(r.attr("data-elevator")), r));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::id).toList());
        Map<ElevatorId, Integer> years = cover.continuousYears(expected.stream().map(e -> new ElevatorId(e.id())).toList(),
                time.today());
        BigDecimal total = BigDecimal.ZERO;
        int insured = 0;
        boolean sawShare = false;
        for (Expected e : expected) {
            Element row = rows.get(e.id());
            assertThat(row.select("a").first().text()).isEqualTo(e.code());
            assertThat(row.select(".elevator-age .age-years").text()).as(e.code()).isEqualTo(String.valueOf(e.age()));
            if (e.insurer() == null) {
                assertThat(row.select(".elevator-share").text()).isEqualTo("0%");
                assertThat(row.select(".elevator-reserve").text()).isEqualTo("—");
                continue;
            }
            insured++;
            int y = years.get(new ElevatorId(e.id()));
            assertThat(row.select(".elevator-years").text()).as(e.code()).isEqualTo(String.valueOf(y));
            BigDecimal share = products.version(e.product()).pension().shareAfter(y);
            assertThat(percent(row.select(".elevator-share").text())).as(e.code())
                    .isEqualTo(share.movePointRight(2).intValue());
            sawShare |= share.signum() > 0;
            BigDecimal reserve = reserve(e.insurer(), e.id());
            assertThat(amount(row.select(".elevator-reserve").text())).as(e.code()).isEqualByComparingTo(reserve);
            total = total.add(reserve);
        }
        assertThat(insured).as("小河佳苑 is insured whole").isGreaterThan(90);
        assertThat(sawShare).as("years of cover give a share").isTrue();
        assertThat(total).isPositive();
        assertThat(page.select("#community-summary").text()).contains(String.valueOf(expected.size()))
                .contains(String.valueOf(insured)).contains(String.format(java.util.Locale.ROOT, "%,.2f", total));
        // the product's schedule: 0 / 20 / 40 / 60 / 80% from 0 / 3 / 5 / 10 / 15 years
        assertThat(page.select("#community-schedule [data-from]").eachAttr("data-from")).containsExactly("0", "3", "5", "10", "15");
        assertThat(page.select("#community-schedule [data-from=10]").text()).isEqualTo("10 年起 60%");

        // the cases, open and past, with their split exactly as the case table holds it
        List<Map<String, Object>> cases = jdbc.sql("SELECT id, status, cost, insurer_share, owners_share FROM pension_case "
                + "WHERE community_id = :c").param("c", xiaohe).query().listOfRows();
        assertThat(cases).anyMatch(c -> c.get("status").equals("COMPLETED"));
        for (Map<String, Object> c : cases) {
            String status = (String) c.get("status");
            String table = status.equals("OPEN") || status.equals("APPROVED") ? "#community-open-cases" : "#community-past-cases";
            Element row = page.selectFirst(table + " [data-case=" + c.get("id") + "]");
            assertThat(row).as("case %s in %s", c.get("id"), table).isNotNull();
            assertThat(row.attr("data-status")).isEqualTo(status);
            for (String[] column : new String[][] {{"cost", ".case-cost"}, {"insurer_share", ".case-insurer"},
                    {"owners_share", ".case-owners"}}) {
                BigDecimal value = (BigDecimal) c.get(column[0]);
                String shown = row.select(column[1]).text();
                if (value == null) {
                    assertThat(shown).isEqualTo("—");
                }
                else {
                    assertThat(amount(shown)).isEqualByComparingTo(value);
                }
            }
        }
        assertThat(page.select("#community-open-cases [data-case], #community-past-cases [data-case]")).hasSize(cases.size());

        // the projection as /pension/projection draws it
        assertThat(page.select("#projection-chart")).hasSize(1);
        assertThat(page.select("#projection-elevators").text()).isEqualTo(String.valueOf(insured));
        Document projection = Html.of(mvc.perform(get("/pension/projection").param("community", String.valueOf(xiaohe))
                .with(users.as("owners"))).andExpect(status().isOk()));
        assertThat(projection.select("#projection-extra").text()).isEqualTo(page.select("#projection-extra").text());
        assertThat(projection.select("#projection-community-link").attr("href")).isEqualTo("/pension/communities/" + xiaohe);
        assertThat(page.select("#community-projection-link").attr("href")).isEqualTo("/pension/projection?community=" + xiaohe);
        Document cases2 = Html.of(mvc.perform(get("/pension/cases").with(users.as("owners"))).andExpect(status().isOk()));
        assertThat(cases2.select("#pension-cases a.pension-community").eachAttr("href"))
                .isNotEmpty().containsOnly("/pension/communities/" + xiaohe);
    }

    @Test
    void eachPartySeesTheCommunitiesInItsScopeAndOnlyTheirElevatorsOthersAreNotFound() throws Exception {
        DemoData demo = new DemoData(jdbc);
        long xiaohe = demo.community("小河佳苑");
        long qingsha = demo.community("青莎阁");
        for (String user : List.of("owners", "property")) {
            page(user, xiaohe);
            mvc.perform(get("/pension/communities/{id}", qingsha).with(users.as(user))).andExpect(status().isNotFound());
        }
        // a maintenance company: only the elevators it maintains
        Document company = page("mcmanager", xiaohe);
        assertThat(company.select("#community-elevators tbody tr[data-elevator]").eachAttr("data-elevator"))
                .containsExactlyInAnyOrderElementsOf(expected(xiaohe, "运河电梯").stream().map(e -> String.valueOf(e.id())).toList());
        // an insurer: the communities it insures, only the elevators under its cover
        long zheshang = demo.organization("浙商财险");
        List<Long> held = jdbc.sql("""
                SELECT a.party_id FROM ledger_account a JOIN elevator e ON e.id = a.party_id
                WHERE a.purpose = 'PENSION_RESERVE' AND a.owner_id = :i AND e.community_id = :c""")
                .param("i", zheshang).param("c", xiaohe).query(Long.class).list();
        Document insurer = page("insurer", xiaohe);
        assertThat(insurer.select("#community-elevators tbody tr[data-elevator]").eachAttr("data-elevator"))
                .containsExactlyInAnyOrderElementsOf(expected(xiaohe, null).stream()
                        .filter(e -> Long.valueOf(zheshang).equals(e.insurer()) || held.contains(e.id()))
                        .map(e -> String.valueOf(e.id())).toList())
                .isNotEmpty();
        long picc = demo.organization("人保财险");
        List<Expected> qingshaCovered = expected(qingsha, null).stream().filter(e -> Long.valueOf(picc).equals(e.insurer())).toList();
        assertThat(qingshaCovered).isNotEmpty();
        boolean zheshangHoldsQingsha = jdbc.sql("""
                SELECT count(*) > 0 FROM ledger_account a JOIN elevator e ON e.id = a.party_id
                WHERE a.purpose = 'PENSION_RESERVE' AND a.owner_id = :i AND e.community_id = :c""")
                .param("i", zheshang).param("c", qingsha).query(Boolean.class).single();
        assertThat(zheshangHoldsQingsha).isFalse();
        mvc.perform(get("/pension/communities/{id}", qingsha).with(users.as("insurer"))).andExpect(status().isNotFound());
        Document other = page("picc", qingsha);
        assertThat(other.select("#community-elevators tbody tr[data-elevator]").eachAttr("data-elevator"))
                .containsExactlyInAnyOrderElementsOf(qingshaCovered.stream().map(e -> String.valueOf(e.id())).toList());
        for (Expected e : qingshaCovered) {
            assertThat(amount(other.selectFirst("tr[data-elevator=" + e.id() + "] .elevator-reserve").text()))
                    .isEqualByComparingTo(reserve(picc, e.id()));
        }
        // the regulator: its whole region, read only
        assertThat(page("regulator", qingsha).select("#community-elevators tbody tr[data-elevator]"))
                .hasSize(expected(qingsha, null).size());
        mvc.perform(get("/pension/communities/{id}", 999_999_999L).with(users.as("regulator"))).andExpect(status().isNotFound());
        mvc.perform(get("/pension/communities/{id}", xiaohe).with(users.as("maintainer"))).andExpect(status().isForbidden());
    }
}
