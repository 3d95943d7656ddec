package cn.liftcare.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages render for their users, in Chinese by default and in English on request. */
@LiftCareTest
class PagesIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void pagesAreChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/elevators").with(users.as("regulator")).header("Accept-Language", "en-US"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("注册代码")));
        mvc.perform(get("/elevators?lang=en").with(users.as("regulator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Registration code")))
                .andExpect(content().string(not(containsString("注册代码"))));
    }

    @Test
    void theHtmxFilterAnswersOnlyTheResults() throws Exception {
        mvc.perform(get("/elevators?community=小河佳苑&brand=三菱").with(users.as("regulator")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<nav"))))
                .andDo(result -> {
                    var page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
                    assertThat(page.select("#results")).hasSize(1);
                    assertThat((long) page.select("#elevator-table tbody tr").size()).isEqualTo(
                            jdbc.sql("SELECT count(*) FROM elevator e JOIN community c ON c.id = e.community_id "
                                    + "WHERE c.name = '小河佳苑' AND e.brand = '三菱'").query(Long.class).single());
                });
    }

    @Test
    void theElevatorFormShowsEachMessageBesideItsField() throws Exception {
        long community = new DemoData(jdbc).community("大关苑");
        var typed = Html.of(mvc.perform(post("/elevators/new").with(users.as("regulator")).with(csrf())
                        .param("registrationCode", "33103301052016000001").param("type", "TRACTION").param("brand", "")
                        .param("manufactureDate", "2016-01-01").param("commissioningDate", "2015-01-01")
                        .param("stops", "abc").param("ratedSpeed", "1.5").param("useCategory", "RESIDENTIAL")
                        .param("communityId", String.valueOf(community)).param("building", "1幢").param("unit", "1单元"))
                .andExpect(status().isOk()));
        assertThat(Html.errorBeside(typed, "stops")).isEqualTo("请输入整数。");
        var page = Html.of(mvc.perform(post("/elevators/new").with(users.as("regulator")).with(csrf())
                        .param("registrationCode", "33103301052016000001").param("type", "TRACTION").param("brand", "")
                        .param("manufactureDate", "2016-01-01").param("commissioningDate", "2015-01-01")
                        .param("stops", "18").param("ratedLoadKg", "1000").param("ratedSpeed", "1.5")
                        .param("useCategory", "RESIDENTIAL").param("communityId", String.valueOf(community))
                        .param("building", "1幢").param("unit", "1单元"))
                .andExpect(status().isOk()));
        assertThat(Html.errorBeside(page, "brand")).isEqualTo("必填。");
        assertThat(Html.errorBeside(page, "commissioningDate")).isEqualTo("投用日期不能早于制造日期。");
        assertThat(Html.errorBeside(page, "registrationCode"))
                .isEqualTo("注册代码类别 3310 对应“自动扶梯”，与所选类型“曳引驱动电梯”不一致。");
        assertThat(page.selectFirst("#registrationCode").hasClass("is-invalid")).isTrue();
    }

    @Test
    void theHomePageShowsTheCallersElevators() throws Exception {
        var home = Html.of(mvc.perform(get("/").with(users.as("owners"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("echarts"))));
        assertThat(home.selectFirst("#kpi-total").text()).isEqualTo("94");
    }

    @Test
    void thePublicPageNeedsNoLoginAndShowsOnlyPublicFacts() throws Exception {
        long id = new DemoData(jdbc).elevator("小河佳苑", "运河电梯");
        String code = new DemoData(jdbc).registrationCode(id);
        var page = Html.of(mvc.perform(get("/p/" + code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("杭州运河电梯工程有限公司")))
                .andExpect(content().string(containsString("96333")))
                .andExpect(content().string(not(containsString("password")))));
        assertThat(page.selectFirst("#public-code").text()).isEqualTo(code);
        mvc.perform(get("/p/00000000000000000000")).andExpect(status().isNotFound());
    }

    @Test
    void theQrCodeLeadsToThePublicPage() throws Exception {
        long id = new DemoData(jdbc).elevator("小河佳苑", "运河电梯");
        String code = new DemoData(jdbc).registrationCode(id);
        byte[] png = mvc.perform(get("/api/v1/elevators/" + id + "/qr.png").with(users.as("property")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("https://liftcare.example.cn/p/" + code);
    }

    @Test
    void theResidentReportPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        String code = new DemoData(jdbc).registrationCode(new DemoData(jdbc).elevator("小河佳苑", "运河电梯"));
        var zh = Html.of(mvc.perform(get("/p/" + code + "/report")).andExpect(status().isOk()));
        assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(zh.selectFirst("label[for=symptom-TRAPPED]").text()).startsWith("有人被困");
        assertThat(zh.select("input[name=symptom]").eachAttr("value"))
                .containsExactly("TRAPPED", "STOPPED", "DOOR_FAULT", "NOISE", "OTHER");
        assertThat(zh.select("#report-form input[name=_csrf]")).hasSize(1);
        var en = Html.of(mvc.perform(get("/p/" + code + "/report?lang=en")).andExpect(status().isOk()));
        assertThat(en.selectFirst("h1").text()).isEqualTo("Report an elevator fault");
        assertThat(en.selectFirst("#report-form").text()).doesNotContainPattern("[\\u4e00-\\u9fff]");
        mvc.perform(get("/p/" + code)).andExpect(content().string(containsString("/p/" + code + "/report")));
    }

    @Test
    void aResidentReportsFollowsItAndIsToldToWaitWhenReportingTooOften() throws Exception {
        long lift = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE c.name = '大关苑' AND e.maintenance_company_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id)
                ORDER BY e.id LIMIT 1""").query(Long.class).single();
        String code = new DemoData(jdbc).registrationCode(lift);
        RequestPostProcessor resident = r -> {
            r.setRemoteAddr("192.0.2.62");
            return r;
        };
        var missing = Html.of(mvc.perform(multipart("/p/" + code + "/report").with(resident).with(csrf()))
                .andExpect(status().isOk()));
        assertThat(Html.errorBeside(missing, "symptom")).isEqualTo("必填。");
        String tracking = mvc.perform(multipart("/p/" + code + "/report").param("symptom", "TRAPPED")
                        .param("phone", "13800000000").with(resident).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(tracking).startsWith("/t/");
        var page = Html.of(mvc.perform(get(tracking)).andExpect(status().isOk()));
        assertThat(page.selectFirst("#tracking-status").text()).isEqualTo("已派单");
        assertThat(page.selectFirst("#tracking-type").text()).isEqualTo("困人");
        assertThat(page.body().text()).doesNotContain("13800000000");
        mvc.perform(get(tracking).header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))));
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/p/" + code + "/report").param("symptom", "STOPPED").with(resident).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        var limited = Html.of(mvc.perform(multipart("/p/" + code + "/report").param("symptom", "STOPPED")
                .with(resident).with(csrf())).andExpect(status().isTooManyRequests()));
        assertThat(limited.selectFirst("#too-many").text()).contains("96333");
        long incident = jdbc.sql("SELECT id FROM incident WHERE elevator_id = :e").param("e", lift).query(Long.class).single();
        var refused = mvc.perform(post("/incidents/" + incident + "/steps").with(users.as("regulator")).with(csrf())
                .param("step", "FALSE_ALARM")).andExpect(status().is3xxRedirection()).andReturn();
        var timeline = Html.of(mvc.perform(get(refused.getResponse().getRedirectedUrl()).with(users.as("regulator"))
                .flashAttrs(refused.getFlashMap())).andExpect(status().isOk()));
        assertThat(Html.errorBeside(timeline, "note")).isEqualTo("请说明误报的原因。");
        assertThat(timeline.select("#reports a[href^='tel:']").text()).isEqualTo("13800000000");
        mvc.perform(post("/incidents/" + incident + "/steps").with(users.as("regulator")).with(csrf())
                .param("step", "FALSE_ALARM").param("note", "PagesIT")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theIncidentFormsShowEachMessageBesideItsField() throws Exception {
        var report = Html.of(mvc.perform(post("/incidents/new").with(users.as("property")).with(csrf())
                .param("registrationCode", "00000000000000000000")).andExpect(status().isOk()));
        assertThat(Html.errorBeside(report, "registrationCode")).isEqualTo("找不到该注册代码的电梯，或它不在您的数据范围内。");
        var rules = Html.of(mvc.perform(post("/incidents/rules/330105").with(users.as("regulator")).with(csrf())
                .param("acceptMinutes", "0").param("arrivalMinutes", "30").param("escalatePercent", "67")
                .param("restoreEntrapmentMinutes", "120").param("restoreOutOfServiceMinutes", "1440")
                .param("restoreHazardMinutes", "2880").param("restoreMinorMinutes", "10080")).andExpect(status().isOk()));
        assertThat(rules.selectFirst("#rule-330105 [data-error-for=acceptMinutes]").text()).isEqualTo("应在 1 到 120 之间。");
        assertThat(rules.select("[data-error-for]")).hasSize(1);
    }

    @Test
    void theIncidentPagesRenderInEnglish() throws Exception {
        for (String path : new String[] {"/incidents", "/incidents/metrics", "/incidents/rules", "/repair-orders", "/notices"}) {
            var page = Html.of(mvc.perform(get(path + "?lang=en").with(users.as("regulator"))).andExpect(status().isOk()));
            assertThat(page.select("main h1, main thead, main label, main .btn").text()).as(path)
                    .isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }
}
