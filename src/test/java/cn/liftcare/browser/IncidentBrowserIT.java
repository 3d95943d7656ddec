package cn.liftcare.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.registry.ElevatorId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: a resident reports someone trapped from the car's QR page and follows it; the maintainer of
 * 运河电梯 accepts it, checks in by scanning the car's code, releases the passengers and restores service;
 * the resident's page shows it.
 */
class IncidentBrowserIT extends BrowserTest {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired JdbcClient jdbc;
    @Autowired CheckInTokens tokens;

    /** A 小河佳苑 elevator of 运河电梯 with no open incident. */
    long elevator() {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = '小河佳苑' AND o.short_name = '运河电梯' AND NOT EXISTS (SELECT 1 FROM incident i
                    WHERE i.elevator_id = e.id AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM'))
                ORDER BY e.id LIMIT 1""").query(Long.class).single();
    }

    @Test
    void aResidentReportsAnEntrapmentAndTheMaintainerRescues() throws Exception {
        long elevator = elevator();
        String code = jdbc.sql("SELECT registration_code FROM elevator WHERE id = :e").param("e", elevator)
                .query(String.class).single();
        driver = Browser.start(390, 844);

        // the resident scans the QR code in the car and reports
        driver.get(url("/p/" + code));
        click(By.id("report-fault"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        click(By.cssSelector("label[for=symptom-TRAPPED]"));
        assertThat(driver.findElement(By.id("symptom-TRAPPED")).isSelected()).isTrue();
        noSidewaysScrolling();
        Browser.screenshot(driver, "incident-report-phone-zh");
        click(By.id("report-submit"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-status")));
        assertThat(driver.findElement(By.id("tracking-status")).getText()).isEqualTo("已派单");
        assertThat(driver.findElement(By.id("tracking-type")).getText()).isEqualTo("困人");
        String tracking = driver.getCurrentUrl();
        noSidewaysScrolling();
        Browser.screenshot(driver, "incident-tracking-phone-zh");
        long incident = jdbc.sql("SELECT id FROM incident WHERE elevator_id = :e ORDER BY id DESC LIMIT 1")
                .param("e", elevator).query(Long.class).single();

        // the maintainer sees it on the board and accepts it
        signIn("maintainer");
        driver.get(url("/incidents"));
        var row = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#incident-rows tr[data-incident='" + incident + "']")));
        assertThat(row.getText()).contains(code, "困人", "已派单");
        Browser.screenshot(driver, "incident-board-phone-zh");
        click(By.cssSelector("#incident-rows tr[data-incident='" + incident + "'] a"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("take-ACCEPTED")));
        click(By.id("take-ACCEPTED"));
        waiting().until(ExpectedConditions.textToBe(By.id("incident-status"), "已接单"));

        // on site, the car's check-in code leads to the arrival
        driver.get(url("/m/check-in?e=" + code + "&t=" + tokens.current(new ElevatorId(elevator))));
        click(By.id("incident-arrive"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirm-arrival")));
        Browser.screenshot(driver, "incident-arrive-phone-zh");
        click(By.id("confirm-arrival"));
        waiting().until(ExpectedConditions.textToBe(By.id("incident-status"), "已到场"));

        click(By.id("take-RELEASED"));
        waiting().until(ExpectedConditions.textToBe(By.id("incident-status"), "已解困"));
        click(By.id("take-RESTORED"));
        waiting().until(ExpectedConditions.textToBe(By.id("incident-status"), "已恢复运行"));
        assertThat(driver.findElements(By.cssSelector("#timeline [data-step]")).stream()
                .map(e -> e.getDomAttribute("data-step")).toList())
                .containsSubsequence("REPORTED", "DISPATCHED", "ACCEPTED", "ARRIVED", "RELEASED", "RESTORED");
        noSidewaysScrolling();
        Browser.screenshot(driver, "incident-timeline-phone-zh");

        // the rescuer opens the repair order and completes it, a part priced above its guide price
        click(By.id("open-repair"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("completion-form")));
        driver.findElement(By.id("part-q")).sendKeys("BRK");
        waiting().until(d -> d.findElements(By.cssSelector("#part-results [data-add-part]")).size() == 1);
        click(By.cssSelector("#part-results [data-add-part]"));
        var price = driver.findElement(By.cssSelector("#part-lines .unit-price"));
        assertThat(price.getDomProperty("value")).isEqualTo("1800.00");
        assertThat(driver.findElement(By.cssSelector("#part-lines .above-guide")).isDisplayed()).isFalse();
        price.clear();
        price.sendKeys("2000");
        assertThat(driver.findElement(By.cssSelector("#part-lines .above-guide")).isDisplayed()).isTrue();
        driver.findElement(By.id("diagnosis")).sendKeys("制动器闸瓦磨损，导致停梯困人");
        new Select(driver.findElement(By.id("faultLocation"))).selectByValue("MACHINE_GOVERNOR");
        driver.findElement(By.id("labourHours")).sendKeys("2.5");
        Path photo = Files.createTempFile("before", ".png");
        Files.write(photo, PNG);
        driver.findElement(By.id("file-before")).sendKeys(photo.toAbsolutePath().toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photo-before .badge")));
        noSidewaysScrolling();
        Browser.screenshot(driver, "repair-completion-phone-zh");
        click(By.id("complete-repair"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("repair-completed")));
        assertThat(driver.findElement(By.cssSelector("#repair-parts tbody tr")).getDomAttribute("class"))
                .contains("table-warning");
        assertThat(jdbc.sql("SELECT status = 'COMPLETED' AND before_photo_id IS NOT NULL FROM repair_order "
                + "WHERE incident_id = :i").param("i", incident).query(Boolean.class).single()).isTrue();
        Browser.screenshot(driver, "repair-completed-phone-zh");

        // the resident's page shows service restored
        driver.manage().deleteAllCookies();
        driver.get(tracking);
        waiting().until(ExpectedConditions.textToBe(By.id("tracking-status"), "已恢复运行"));
        Browser.screenshot(driver, "incident-restored-phone-zh");
    }

    private void noSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
