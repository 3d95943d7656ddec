package cn.liftcare.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.liftcare.identity.security.LiftCareUser;
import cn.liftcare.maintenance.MaintenanceClass;
import cn.liftcare.maintenance.MaintenanceQueries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: the car shows its check-in code; the maintainer scans it, checks in, records the checklist
 * and submits; the use unit's safety manager confirms the record.
 */
class MaintainerBrowserIT extends BrowserTest {

    @Autowired MaintenanceQueries queries;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    /** A 小河佳苑 elevator of 运河电梯 with no open visit, whose visit today is not an annual one. */
    long elevator() {
        var scope = ((LiftCareUser) users.loadUserByUsername("mcmanager")).scope();
        return queries.board(scope).stream()
                .filter(r -> r.planned() == null && r.classDue() != MaintenanceClass.YEAR)
                .filter(r -> jdbc.sql("SELECT c.name FROM community c WHERE c.id = :c").param("c", r.elevator().communityId().value())
                        .query(String.class).single().equals("小河佳苑"))
                .filter(r -> jdbc.sql("SELECT count(*) = 0 FROM maintenance_visit WHERE elevator_id = :e AND status <> 'CONFIRMED'")
                        .param("e", r.elevator().elevatorId().value()).query(Boolean.class).single())
                .findFirst().orElseThrow().elevator().elevatorId().value();
    }

    @Test
    void aMaintainerChecksInRecordsAndTheUseUnitConfirms() throws Exception {
        long elevator = elevator();
        driver = Browser.start(390, 844);

        // the display in the car, run by the use unit, shows the current code
        signIn("property");
        driver.get(url("/elevators/" + elevator + "/check-in-code"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#check-in-qr svg")));
        String scanned = driver.findElement(By.id("check-in-url")).getDomAttribute("href");
        Browser.screenshot(driver, "check-in-code-phone-zh");

        // the maintainer scans it with the phone and checks in
        signIn("maintainer");
        driver.get(scanned.replaceFirst("^https?://[^/]+", url("")));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("check-in"))).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("checklist-form")));
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("签到成功");
        Browser.screenshot(driver, "checklist-phone-zh");

        // submitting with nothing ticked names what is missing
        click(By.id("submit-checklist"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(driver.findElement(By.id("problems")).getText()).contains("请选择结果");

        click(By.id("all-normal"));
        for (var value : driver.findElements(By.cssSelector("input[name^=value_]"))) {
            value.clear();
            value.sendKeys("9.5");
        }
        click(By.id("submit-checklist"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(driver.getCurrentUrl()).endsWith("/m");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);

        // the safety manager confirms it
        signIn("property");
        driver.get(url("/maintenance/confirmations"));
        String code = jdbc.sql("SELECT registration_code FROM elevator WHERE id = :e").param("e", elevator)
                .query(String.class).single();
        var row = waiting().until(d -> d.findElements(By.cssSelector("#confirmations tr")).stream()
                .filter(r -> r.getText().contains(code)).findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'}); arguments[0].click();",
                row.findElement(By.cssSelector(".confirm-button")));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(jdbc.sql("SELECT status FROM maintenance_visit WHERE elevator_id = :e ORDER BY id DESC LIMIT 1")
                .param("e", elevator).query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM visit_flag f JOIN maintenance_visit v ON v.id = f.visit_id "
                + "WHERE v.elevator_id = :e AND v.id = (SELECT max(id) FROM maintenance_visit WHERE elevator_id = :e) "
                + "AND f.flag = 'NO_VALID_CHECK_IN'").param("e", elevator).query(Long.class).single()).isZero();

        // and the elevator's page shows it
        driver.get(url("/elevators/" + elevator));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-history")));
        Browser.screenshot(driver, "elevator-maintenance-phone-zh");
    }
}
