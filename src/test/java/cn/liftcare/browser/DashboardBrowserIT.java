package cn.liftcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role's dashboard at desktop and phone widths, in Chinese and English: each chart is drawn (a canvas), the
 * page does not overflow sideways, the labels are in the page's language; a screenshot of each under
 * target/screenshots/dashboard-*.png.
 */
class DashboardBrowserIT extends BrowserTest {

    static final List<String> USERS = List.of("regulator", "insurer", "property", "owners", "mcmanager");

    @Autowired JdbcClient jdbc;

    /** The start-up rebuild has computed these organisations' dashboards (else the first visit computes it). */
    @BeforeEach
    void dashboardsComputed() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 240_000;
        while (jdbc.sql("""
                SELECT count(DISTINCT u.organization_id) FROM app_user u JOIN dashboard_board b ON b.org_id = u.organization_id
                WHERE u.username IN (:users)""").param("users", USERS).query(Long.class).single() < USERS.size()) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void everyDashboardAtDesktopWidth() throws Exception {
        driver = Browser.start(1280, 2400);
        shoot("desktop");
    }

    @Test
    void everyDashboardAtPhoneWidth() throws Exception {
        driver = Browser.start(390, 4200);
        shoot("phone");
    }

    private void shoot(String size) throws Exception {
        for (String user : USERS) {
            signIn(user);
            for (String lang : List.of("zh_CN", "en")) {
                driver.get(url("/?lang=" + lang));
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                    List<WebElement> charts = d.findElements(By.cssSelector(".chart[data-chart]"));
                    return !charts.isEmpty() && charts.stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty());
                });
                Thread.sleep(900); // the charts' entry animation
                String body = driver.findElement(By.tagName("body")).getText();
                if (lang.equals("en")) {
                    assertThat(body).as(user).contains("Elevators").doesNotContain("电梯总数");
                }
                else {
                    assertThat(body).as(user).contains("电梯总数");
                }
                Browser.screenshot(driver, "dashboard-" + user + "-" + size + "-" + (lang.equals("en") ? "en" : "zh"));
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("%s %s %s overflows", user, size, lang).isLessThanOrEqualTo(0);
            }
        }
    }
}
