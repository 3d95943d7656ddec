package cn.liftcare.ledger.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Books;
import cn.liftcare.shared.Money;

/**
 * The trial balance and a statement as .xlsx, with Chinese headers, amounts as numbers formatted
 * {@code #,##0.00} (so they add up in the spreadsheet) and a totals row. Names are always in Chinese, like the
 * headers: the workbook is a document to file, whatever language the reader's browser speaks.
 */
@Component
class LedgerWorkbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String MONEY_FORMAT = "#,##0.00";
    static final String TRIAL_BALANCE_SHEET = "试算平衡表";
    static final String STATEMENT_SHEET = "账户明细";
    static final String TOTAL = "合计";
    static final String[] TRIAL_BALANCE_HEADERS = {"科目代码", "科目", "类别", "账簿", "借方发生额", "贷方发生额", "余额方向",
            "余额"};
    static final String[] STATEMENT_HEADERS = {"记账日期", "凭证号", "摘要", "借方", "贷方", "余额"};

    private final AccountNames names;

    LedgerWorkbooks(AccountNames names) {
        this.names = names;
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"");
    }

    void trialBalance(Books.TrialBalance trial, OutputStream out) throws IOException {
        Map<String, AccountNames.AccountName> labels = names.of(trial.rows().stream()
                .map(r -> AccountRef.parse(r.accountCode())).toList(), Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(TRIAL_BALANCE_SHEET);
            sheet.createRow(0).createCell(0).setCellValue("试算平衡表（截至 " + trial.asOf() + "）");
            sheet.getRow(0).getCell(0).setCellStyle(styles.bold);
            header(sheet, 1, TRIAL_BALANCE_HEADERS, styles);
            int r = 2;
            for (Books.TrialBalanceRow row : trial.rows()) {
                AccountNames.AccountName name = labels.get(row.accountCode());
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.accountCode());
                line.createCell(1).setCellValue(name.label());
                line.createCell(2).setCellValue(names.kind(row.kind(), Locale.SIMPLIFIED_CHINESE));
                line.createCell(3).setCellValue(name.owner() == null ? "" : name.owner());
                money(line, 4, row.debits(), styles.money);
                money(line, 5, row.credits(), styles.money);
                line.createCell(6).setCellValue(row.kind().debitNormal() ? "借" : "贷");
                money(line, 7, row.balance(), styles.money);
            }
            Row total = sheet.createRow(r++);
            text(total, 0, TOTAL, styles.bold);
            money(total, 4, trial.totalDebits(), styles.moneyBold);
            money(total, 5, trial.totalCredits(), styles.moneyBold);
            text(sheet.createRow(r), 0, trial.balanced() ? "借贷平衡" : "借贷不平衡", styles.bold);
            widths(sheet, 24, 40, 8, 20, 16, 16, 10, 16);
            sheet.createFreezePane(0, 2);
            workbook.write(out);
        }
    }

    void statement(Books.Statement statement, AccountRef account, OutputStream out) throws IOException {
        AccountNames.AccountName name = names.of(account, Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(STATEMENT_SHEET);
            text(sheet.createRow(0), 0, "账户明细：" + name.label() + (name.owner() == null ? "" : "（" + name.owner()
                    + " 账簿）"), styles.bold);
            sheet.createRow(1).createCell(0).setCellValue("科目代码 " + statement.accountCode() + "，期间 "
                    + statement.from() + " 至 " + statement.to() + "（不含）");
            header(sheet, 2, STATEMENT_HEADERS, styles);
            int r = 3;
            Row opening = sheet.createRow(r++);
            text(opening, 2, "期初余额", styles.bold);
            money(opening, 5, statement.opening(), styles.money);
            Money debits = Money.ZERO;
            Money credits = Money.ZERO;
            for (Books.StatementLine l : statement.lines()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(l.effectiveOn().toString());
                line.createCell(1).setCellValue(l.entryId());
                line.createCell(2).setCellValue(l.description());
                money(line, 3, l.debit(), styles.money);
                money(line, 4, l.credit(), styles.money);
                money(line, 5, l.balance(), styles.money);
                debits = debits.plus(l.debit());
                credits = credits.plus(l.credit());
            }
            Row total = sheet.createRow(r++);
            text(total, 2, "本期" + TOTAL, styles.bold);
            money(total, 3, debits, styles.moneyBold);
            money(total, 4, credits, styles.moneyBold);
            Row closing = sheet.createRow(r);
            text(closing, 2, "期末余额", styles.bold);
            money(closing, 5, statement.closing(), styles.moneyBold);
            widths(sheet, 12, 10, 40, 16, 16, 16);
            sheet.createFreezePane(0, 3);
            workbook.write(out);
        }
    }

    private static void header(Sheet sheet, int at, String[] headers, Styles styles) {
        Row row = sheet.createRow(at);
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Amounts are at most NUMERIC(14, 2), which a double holds exactly enough to give back every fen. */
    private static void money(Row row, int column, Money amount, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(amount.amount().doubleValue());
        cell.setCellStyle(style);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    private static final class Styles {

        final CellStyle bold;
        final CellStyle header;
        final CellStyle money;
        final CellStyle moneyBold;

        Styles(XSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            short format = workbook.createDataFormat().getFormat(MONEY_FORMAT);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            header = workbook.createCellStyle();
            header.setFont(font);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            money = workbook.createCellStyle();
            money.setDataFormat(format);
            moneyBold = workbook.createCellStyle();
            moneyBold.setDataFormat(format);
            moneyBold.setFont(font);
        }
    }
}
