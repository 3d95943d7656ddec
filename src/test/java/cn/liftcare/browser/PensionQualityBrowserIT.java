package cn.liftcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pension and quality pages as their users open them, at desktop and phone widths, in Chinese and English: no
 * error page, no sideways overflow, each chart drawn, the labels in the page's language; screenshots under
 * target/screenshots/pages-*.png to look at.
 */
class PensionQualityBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    record Visit(String user, String path, String name, String zh, String en) {
    }

    List<Visit> visits() {
        long xiaohe = jdbc.sql("SELECT id FROM community WHERE name = '小河佳苑'").query(Long.class).single();
        long yunhe = jdbc.sql("SELECT id FROM organization WHERE short_name = '运河电梯'").query(Long.class).single();
        String quarter = jdbc.sql("SELECT period FROM quality_period WHERE status = 'CLOSED' AND period LIKE '%Q%' "
                + "ORDER BY starts_on DESC LIMIT 1").query(String.class).single();
        return List.of(
                new Visit("property", "/pension/cases", "pension-cases", "养老", "pension"),
                new Visit("owners", "/pension/projection?community=" + xiaohe, "pension-projection", "储备", "reserve"),
                new Visit("regulator", "/quality?period=" + quarter, "quality-ranking", "维保质量", "quality"),
                new Visit("mcmanager", "/quality/companies/" + yunhe + "/" + quarter, "quality-scorecard", "得分", "core"),
                new Visit("supervisor", "/quality/spot-checks", "quality-spot-checks", "抽查", "spot check"),
                new Visit("regulator", "/quality/vetoes", "quality-vetoes", "否决", "veto"),
                new Visit("owners", "/pension/communities/" + xiaohe, "pension-community", "小河佳苑", "pension"));
    }

    @Test
    void atDesktopWidth() throws Exception {
        driver = Browser.start(1280, 2000);
        look("desktop");
    }

    @Test
    void atPhoneWidth() throws Exception {
        driver = Browser.start(390, 2600);
        look("phone");
    }

    private void look(String size) throws Exception {
        for (Visit visit : visits()) {
            signIn(visit.user());
            for (String lang : List.of("zh_CN", "en")) {
                driver.get(url(visit.path() + (visit.path().contains("?") ? "&" : "?") + "lang=" + lang));
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".chart"))
                        .stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()));
                Thread.sleep(600); // the charts' entry animation
                String body = driver.findElement(By.tagName("body")).getText();
                assertThat(driver.getTitle()).as(visit.name()).doesNotContain("出错了").doesNotContain("Error");
                if (lang.equals("en")) {
                    assertThat(body.toLowerCase()).as(visit.name()).contains(visit.en());
                }
                else {
                    assertThat(body).as(visit.name()).contains(visit.zh());
                }
                Browser.screenshot(driver, "pages-" + visit.name() + "-" + size + "-" + (lang.equals("en") ? "en" : "zh"));
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("%s %s %s overflows", visit.name(), size, lang)
                        .isLessThanOrEqualTo(0);
            }
        }
    }
}
