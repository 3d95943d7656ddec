package cn.liftcare.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;


import static org.assertj.core.api.Assertions.assertThat;

/** A regulator signs in, filters the elevator list, opens an elevator and switches to English. */
class RegistryBrowserIT extends BrowserTest {

    /** Also checks that the sign-in page speaks Chinese by default. */
    @Override
    void signIn(String user) {
        driver.get(url("/login"));
        assertThat(driver.findElement(By.id("login-submit")).getText()).isEqualTo("登录");
        super.signIn(user);
    }

    @Test
    void signInFilterOpenAndSwitchLanguage() throws Exception {
        driver = Browser.start(1280, 900);
        signIn("regulator");
        // the home chart is drawn
        waiting().until(d -> !d.findElements(By.cssSelector("#age-chart canvas")).isEmpty());
        Browser.screenshot(driver, "home-regulator-zh");

        driver.findElement(By.id("nav-elevators")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("elevator-table")));
        String allTotal = driver.findElement(By.id("total")).getText();

        new Select(driver.findElement(By.id("community"))).selectByVisibleText("小河佳苑");
        waiting().until(ExpectedConditions.textToBe(By.id("total"), "共 94 台"));
        assertThat(driver.getCurrentUrl()).contains("community=");
        assertThat(allTotal).isNotEqualTo("共 94 台");
        new Select(driver.findElement(By.id("brand"))).selectByVisibleText("三菱");
        waiting().until(d -> !d.findElement(By.id("total")).getText().equals("共 94 台"));
        assertThat(driver.findElements(By.cssSelector("#elevator-table tbody .brand-cell")))
                .isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("三菱"));
        assertThat(driver.findElements(By.cssSelector("#elevator-table tbody .community-cell")))
                .allSatisfy(cell -> assertThat(cell.getText()).startsWith("小河佳苑"));
        Browser.screenshot(driver, "elevators-filtered-zh");

        WebElement first = driver.findElement(By.cssSelector("#elevator-table a.elevator-link"));
        String code = first.getText();
        first.click();
        waiting().until(ExpectedConditions.textToBe(By.id("elevator-code"), code));
        assertThat(driver.findElement(By.id("elevator-location")).getText()).contains("小河佳苑");
        assertThat(driver.findElement(By.id("history")).getText()).contains("system");
        Browser.screenshot(driver, "elevator-detail-zh");

        driver.findElement(By.id("lang-en")).click();
        waiting().until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(driver.findElement(By.id("elevator-code")).getText()).isEqualTo(code);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Facts", "Maintenance company",
                "History (from the audit log)");
        Browser.screenshot(driver, "elevator-detail-en");

        // the choice sticks: the list is now English too
        driver.findElement(By.id("nav-elevators")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("elevator-table")));
        assertThat(driver.findElement(By.id("total")).getText()).endsWith("elevators");
    }

    @Test
    void theListWorksOnAPhone() throws Exception {
        driver = Browser.start(390, 844);
        signIn("maintainer");
        driver.get(url("/elevators"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("elevator-table")));
        // the navigation folds into the toggler, and the table has no horizontal overflow of the page
        assertThat(driver.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "elevators-phone-zh");
        driver.get(url("/p/" + driver.findElement(By.cssSelector("#elevator-table a.elevator-link")).getText()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("public-code")));
        Browser.screenshot(driver, "public-page-phone-zh");
    }
}
