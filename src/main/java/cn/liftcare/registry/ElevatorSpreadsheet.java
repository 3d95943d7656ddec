package cn.liftcare.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;

/** Writes the import template and the filtered export, with the same columns, so one can feed the other. */
@Component
public class ElevatorSpreadsheet {

    static final String SHEET = "电梯";

    private final ElevatorQueries queries;
    private final OrganizationDirectory organizations;

    ElevatorSpreadsheet(ElevatorQueries queries, OrganizationDirectory organizations) {
        this.queries = queries;
        this.organizations = organizations;
    }

    /** An empty sheet with the headers (required ones starred), drop-downs and one example row. */
    public void writeTemplate(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            header(workbook, sheet);
            Row example = sheet.createRow(1);
            String[] values = {"31103301052008000123", "31999", "曳引驱动电梯", "奥的斯", "GeN2", "2007-10-08", "2008-03-15",
                    "18", "1000", "1.75", "住宅", "330105", "小河街道", "小河佳苑", "3幢", "1单元", "", "", "在用",
                    "2026-04-10", "2027-04-10"};
            for (int i = 0; i < values.length; i++) {
                example.createCell(i).setCellValue(values[i]);
            }
            dropDown(sheet, SheetColumn.TYPE, SheetLabels.TYPES.values().toArray(String[]::new));
            dropDown(sheet, SheetColumn.USE_CATEGORY, SheetLabels.USES.values().toArray(String[]::new));
            dropDown(sheet, SheetColumn.STATUS, SheetLabels.STATUSES.values().toArray(String[]::new));
            Sheet notes = workbook.createSheet("说明");
            String[] lines = {"带 * 的列必填。日期格式为 yyyy-MM-dd。", "注册代码为20位数字，前4位为设备类别代码（3110 曳引驱动乘客电梯、3310 自动扶梯等），须与类型一致。",
                    "小区不存在时将在该街道下新建，此时须填写使用单位统一社会信用代码。",
                    "任何一行有误，整个文件都不会导入；系统会列出每个错误的行、列和原因。",
                    "Columns marked * are required. Dates are yyyy-MM-dd. If any row is wrong, nothing is imported."};
            for (int i = 0; i < lines.length; i++) {
                notes.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            workbook.write(out);
        }
    }

    /** Every elevator in scope matching the filter, streamed (in one read-only transaction) so a city fits in little memory. */
    @Transactional(readOnly = true)
    public void writeExport(Scope scope, ElevatorFilter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet(SHEET);
            header(workbook, sheet);
            int[] row = {1};
            Map<OrganizationId, String> creditCodes = new java.util.HashMap<>();
            queries.forEachView(scope, filter, v -> {
                Row r = sheet.createRow(row[0]++);
                Function<OrganizationId, String> code = id -> id == null ? "" : creditCodes.computeIfAbsent(id,
                        k -> creditCodeOf(k));
                Object[] cells = {v.registrationCode(), v.emergencyCode(), SheetLabels.TYPES.get(v.type()), v.brand(),
                        v.model(), v.manufactureDate(), v.commissioningDate(), v.stops(), v.ratedLoadKg(),
                        v.ratedSpeed(), SheetLabels.USES.get(v.useCategory()), v.districtCode(), v.street(),
                        v.community(), v.building(), v.unit(), code.apply(v.useUnitId()),
                        code.apply(v.maintenanceCompanyId()), SheetLabels.STATUSES.get(v.status()),
                        v.lastInspectionDate(), v.nextInspectionDue()};
                for (int i = 0; i < cells.length; i++) {
                    Object value = cells[i];
                    if (value instanceof Number n) {
                        r.createCell(i).setCellValue(n.doubleValue());
                    }
                    else if (value != null) {
                        r.createCell(i).setCellValue(value instanceof LocalDate d ? d.toString() : value.toString());
                    }
                }
            });
            workbook.write(out);
        }
    }

    private String creditCodeOf(OrganizationId id) {
        OrganizationView org = organizations.byIds(List.of(id)).get(id);
        return org == null || org.creditCode() == null ? "" : org.creditCode();
    }

    private static void header(Workbook workbook, Sheet sheet) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row header = sheet.createRow(0);
        for (SheetColumn column : SheetColumn.values()) {
            var cell = header.createCell(column.ordinal());
            cell.setCellValue(column.header() + (column.required() ? "*" : ""));
            cell.setCellStyle(style);
            sheet.setColumnWidth(column.ordinal(), Math.max(12, column.header().length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void dropDown(Sheet sheet, SheetColumn column, String[] values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var constraint = helper.createExplicitListConstraint(values);
        var validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, 10_000, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }
}
