package cn.liftcare.ledger;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.liftcare.shared.Money;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The books as read through the API, the pages and Excel: accounts with balances, statements with running
 * balances, workbooks whose totals are the trial balance's; scoped like the trial balance.
 */
@LiftCareTest
class LedgerApiIT {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired Ledger ledger;
    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    long insurer;
    long otherInsurer;
    long useUnit;
    /** Accounts of this test alone in 浙商财险's books (a qualifier of its own), and one in 人保财险's. */
    AccountRef receivable;
    AccountRef income;
    AccountRef cash;
    AccountRef othersIncome;

    @BeforeEach
    void books() {
        DemoData demo = new DemoData(jdbc);
        insurer = demo.organization("浙商财险");
        otherInsurer = demo.organization("人保财险");
        useUnit = demo.organization("小河佳苑物业");
        String own = "IT" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        receivable = new AccountRef(AccountPurpose.RECEIVABLE, insurer, useUnit, own);
        income = new AccountRef(AccountPurpose.PREMIUM_INCOME, insurer, null, own);
        cash = new AccountRef(AccountPurpose.CASH, insurer, null, own);
        othersIncome = new AccountRef(AccountPurpose.PREMIUM_INCOME, otherInsurer, null, own);
        ledger.post(invoice("300.00", DAY.minusDays(1)));
        ledger.post(invoice("200.00", DAY));
        ledger.post(new NewEntry(key(), "收款", DAY.plusDays(5), List.of(Posting.debit(cash, Money.of("450.00")),
                Posting.credit(receivable, Money.of("450.00")))));
        ledger.post(invoice("999.00", DAY.plusDays(10)));
        ledger.post(new NewEntry(key(), "人保保费", DAY, List.of(
                Posting.debit(new AccountRef(AccountPurpose.CASH, otherInsurer, null, own), Money.of("77.00")),
                Posting.credit(othersIncome, Money.of("77.00")))));
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    NewEntry invoice(String yuan, LocalDate on) {
        return new NewEntry(key(), "保费发票", on, List.of(Posting.debit(receivable, Money.of(yuan)),
                Posting.credit(income, Money.of(yuan))));
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user))).andReturn().getResponse();
    }

    static Money money(String json, String path) {
        return Money.of(new BigDecimal(JsonPath.read(json, path).toString()));
    }

    @Test
    void aStatementRunsFromItsOpeningBalanceLineByLineToItsClosing() throws Exception {
        var response = call(get("/api/v1/ledger/accounts/" + receivable.code() + "/statement")
                .param("from", DAY.toString()).param("to", DAY.plusDays(10).toString()), "insurer");
        assertThat(response.getStatus()).isEqualTo(200);
        String json = response.getContentAsString();
        assertThat((String) JsonPath.read(json, "$.account.code")).isEqualTo(receivable.code());
        assertThat((String) JsonPath.read(json, "$.account.label")).contains("应收保费", "小河佳苑物业");
        assertThat((String) JsonPath.read(json, "$.account.ownerName")).isEqualTo("浙商财险");
        assertThat(money(json, "$.opening")).isEqualTo(Money.of("300.00"));
        assertThat(money(json, "$.lines[0].debit")).isEqualTo(Money.of("200.00"));
        assertThat(money(json, "$.lines[0].balance")).isEqualTo(Money.of("500.00"));
        assertThat(money(json, "$.lines[1].credit")).isEqualTo(Money.of("450.00"));
        assertThat(money(json, "$.lines[1].balance")).isEqualTo(Money.of("50.00"));
        assertThat((List<?>) JsonPath.read(json, "$.lines")).as("to is exclusive").hasSize(2);
        assertThat(money(json, "$.totalDebits")).isEqualTo(Money.of("200.00"));
        assertThat(money(json, "$.totalCredits")).isEqualTo(Money.of("450.00"));
        assertThat(money(json, "$.closing")).isEqualTo(Money.of("50.00"));

        String english = mvc.perform(get("/api/v1/ledger/accounts/" + income.code() + "/statement")
                .header("Accept-Language", "en").with(users.as("insurer"))).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(english, "$.account.label")).startsWith("Premium income");
    }

    @Test
    void theAccountsAreTheCallersBooksWithBalancesAsOfADate() throws Exception {
        String mine = call(get("/api/v1/ledger/accounts").param("asOf", DAY.plusDays(9).toString()), "insurer")
                .getContentAsString();
        assertThat(balanceOf(mine, receivable))
                .isEqualTo(Money.of("50.00"));
        assertThat((List<Object>) JsonPath.read(mine, "$.accounts[*].ownerId")).allSatisfy(
                o -> assertThat(((Number) o).longValue()).isEqualTo(insurer));
        assertThat(mine).doesNotContain(othersIncome.code());

        String later = call(get("/api/v1/ledger/accounts").param("asOf", DAY.plusDays(10).toString())
                .param("purpose", "RECEIVABLE"), "insurer").getContentAsString();
        assertThat(balanceOf(later, receivable))
                .isEqualTo(Money.of("1049.00"));
        assertThat((List<String>) JsonPath.read(later, "$.accounts[*].purpose")).containsOnly("RECEIVABLE");

        String others = call(get("/api/v1/ledger/accounts").param("owner", String.valueOf(otherInsurer))
                .param("asOf", DAY.toString()), "regulator").getContentAsString();
        assertThat(others).contains(othersIncome.code()).doesNotContain(receivable.code());
        assertThat(call(get("/api/v1/ledger/accounts").param("owner", String.valueOf(otherInsurer)), "insurer")
                .getContentAsString()).as("an insurer never reads another's books").doesNotContain(othersIncome.code());
    }

    static Money balanceOf(String json, AccountRef account) {
        List<Object> balances = JsonPath.read(json, "$.accounts[?(@.code == '" + account.code() + "')].balance");
        assertThat(balances).as(account.code()).hasSize(1);
        return Money.of(new BigDecimal(balances.get(0).toString()));
    }

    @Test
    void anotherInsurersAccountIsNotFoundAndOthersMayNotReadTheBooks() throws Exception {
        for (String path : List.of("/statement", "/statement.xlsx")) {
            var response = call(get("/api/v1/ledger/accounts/" + othersIncome.code() + path), "insurer");
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(call(get("/api/v1/ledger/accounts/" + othersIncome.code() + path), "regulator").getStatus())
                    .isEqualTo(200);
            assertThat(call(get("/api/v1/ledger/accounts/NO_SUCH:1:-" + path), "regulator").getStatus()).isEqualTo(404);
        }
        for (String path : List.of("/api/v1/ledger/accounts", "/api/v1/ledger/accounts/" + receivable.code() + "/statement",
                "/api/v1/ledger/accounts/" + receivable.code() + "/statement.xlsx", "/api/v1/ledger/trial-balance.xlsx")) {
            var response = call(get(path), "maintainer");
            assertThat(response.getStatus()).as(path).isEqualTo(403);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void badDatesAndFiltersAreRefusedNamingTheField() throws Exception {
        String statement = "/api/v1/ledger/accounts/" + receivable.code() + "/statement";
        assertBad(get(statement).param("from", "2026/03/01"), "from");
        assertBad(get(statement).param("to", "next week"), "to");
        assertBad(get(statement).param("from", "2026-03-10").param("to", "2026-03-01"), "to");
        assertBad(get(statement + ".xlsx").param("from", "1.3.2026"), "from");
        assertBad(get("/api/v1/ledger/accounts").param("asOf", "31/03/2026"), "asOf");
        assertBad(get("/api/v1/ledger/accounts").param("purpose", "NOPE"), "purpose");
        assertBad(get("/api/v1/ledger/accounts").param("owner", "zheshang"), "owner");
        assertBad(get("/api/v1/ledger/trial-balance.xlsx").param("asOf", "2026-02-30"), "asOf");
    }

    private void assertBad(MockHttpServletRequestBuilder request, String field) throws Exception {
        var response = call(request, "insurer");
        assertThat(response.getStatus()).as(field).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) JsonPath.read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    @Test
    void theTrialBalanceWorkbookParsesBackAndItsTotalsAreTheTrialBalances() throws Exception {
        for (String user : List.of("insurer", "regulator")) {
            String asOf = DAY.plusDays(30).toString();
            String trial = call(get("/api/v1/ledger/trial-balance").param("asOf", asOf), user).getContentAsString();
            var response = call(get("/api/v1/ledger/trial-balance.xlsx").param("asOf", asOf), user);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo(XLSX);
            assertThat(response.getHeader("Content-Disposition")).contains("trial-balance-" + asOf + ".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
                Sheet sheet = workbook.getSheet("试算平衡表");
                assertThat(sheet).isNotNull();
                List<String> headers = new ArrayList<>();
                sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).containsExactly("科目代码", "科目", "类别", "账簿", "借方发生额", "贷方发生额", "余额方向", "余额");
                Row total = null;
                Set<String> codes = new HashSet<>();
                Money debits = Money.ZERO;
                Money credits = Money.ZERO;
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    String first = row.getCell(0).getStringCellValue();
                    if ("合计".equals(first)) {
                        total = row;
                        break;
                    }
                    codes.add(first);
                    debits = debits.plus(amount(row.getCell(4)));
                    credits = credits.plus(amount(row.getCell(5)));
                    if (first.equals(receivable.code())) {
                        assertThat(row.getCell(1).getStringCellValue()).contains("应收保费", "小河佳苑物业");
                        assertThat(amount(row.getCell(7))).isEqualTo(Money.of("1049.00"));
                    }
                }
                assertThat(total).as("a totals row").isNotNull();
                assertThat(amount(total.getCell(4))).isEqualTo(money(trial, "$.totalDebits")).isEqualTo(debits);
                assertThat(amount(total.getCell(5))).isEqualTo(money(trial, "$.totalCredits")).isEqualTo(credits);
                assertThat(total.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(codes).containsExactlyInAnyOrderElementsOf(JsonPath.read(trial, "$.rows[*].accountCode"));
                assertThat(sheet.getRow(total.getRowNum() + 1).getCell(0).getStringCellValue()).isEqualTo("借贷平衡");
                assertThat(codes.contains(othersIncome.code())).as(user).isEqualTo(user.equals("regulator"));
            }
        }
    }

    @Test
    void theStatementWorkbookHasTheStatementsLinesTotalsAndClosing() throws Exception {
        var response = call(get("/api/v1/ledger/accounts/" + receivable.code() + "/statement.xlsx")
                .param("from", DAY.toString()).param("to", DAY.plusDays(10).toString()), "insurer");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("账户明细");
            List<String> headers = new ArrayList<>();
            sheet.getRow(2).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("记账日期", "凭证号", "摘要", "借方", "贷方", "余额");
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("期初余额");
            assertThat(amount(sheet.getRow(3).getCell(5))).isEqualTo(Money.of("300.00"));
            assertThat(amount(sheet.getRow(4).getCell(5))).isEqualTo(Money.of("500.00"));
            assertThat(amount(sheet.getRow(5).getCell(5))).isEqualTo(Money.of("50.00"));
            assertThat(sheet.getRow(6).getCell(2).getStringCellValue()).isEqualTo("本期合计");
            assertThat(amount(sheet.getRow(6).getCell(3))).isEqualTo(Money.of("200.00"));
            assertThat(amount(sheet.getRow(6).getCell(4))).isEqualTo(Money.of("450.00"));
            assertThat(sheet.getRow(7).getCell(2).getStringCellValue()).isEqualTo("期末余额");
            assertThat(amount(sheet.getRow(7).getCell(5))).isEqualTo(Money.of("50.00"));
            assertThat(sheet.getRow(7).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    static Money amount(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return Money.of(BigDecimal.valueOf(cell.getNumericCellValue()));
    }

    @Test
    void thePagesShowTheTrialBalanceAndTheStatementInTheReadersLanguage() throws Exception {
        Document page = Html.of(mvc.perform(get("/ledger").param("asOf", DAY.plusDays(30).toString())
                .with(users.as("insurer"))));
        assertThat(page.selectFirst("#balanced-badge").text()).isEqualTo("借贷平衡");
        assertThat(page.selectFirst("#nav-ledger")).isNotNull();
        var row = page.selectFirst("tr[data-account=\"" + receivable.code() + "\"]");
        assertThat(row.text()).contains("应收保费", "小河佳苑物业", "1,049.00");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/ledger/accounts/" + receivable.code());
        assertThat(page.select("tr[data-account]").text()).doesNotContain(othersIncome.code());
        assertThat(page.selectFirst("#export-link").attr("href")).contains("/ledger/trial-balance.xlsx");

        Document statement = Html.of(mvc.perform(get("/ledger/accounts/" + receivable.code()).param("from", DAY.toString())
                .param("to", DAY.plusDays(10).toString()).with(users.as("insurer"))));
        assertThat(statement.select("tr[data-entry]")).hasSize(2);
        assertThat(statement.selectFirst("#opening").text()).contains("300.00");
        assertThat(statement.selectFirst("#closing").text()).contains("50.00");
        assertThat(statement.selectFirst("#account-name").text()).contains("小河佳苑物业");

        Document english = Html.of(mvc.perform(get("/ledger/accounts/" + receivable.code()).param("lang", "en")
                .with(users.as("insurer"))));
        assertThat(english.selectFirst("#account-name").text()).startsWith("Premium receivable");

        Document bad = Html.of(mvc.perform(get("/ledger").param("asOf", "yesterday").with(users.as("insurer"))));
        assertThat(Html.errorBeside(bad, "asOf")).isNotBlank();
        assertThat(mvc.perform(get("/ledger/accounts/" + othersIncome.code()).with(users.as("insurer"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(Html.of(mvc.perform(get("/").with(users.as("maintainer")))).selectFirst("#nav-ledger")).isNull();

        var workbook = mvc.perform(get("/ledger/accounts/" + receivable.code() + "/statement.xlsx")
                .with(users.as("insurer"))).andReturn().getResponse();
        assertThat(workbook.getStatus()).isEqualTo(200);
        assertThat(workbook.getContentType()).isEqualTo(XLSX);
    }
}
