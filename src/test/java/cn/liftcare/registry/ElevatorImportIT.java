package cn.liftcare.registry;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.LiftCareTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Imports are all or nothing, and a rejected file says exactly what is wrong where. */
@LiftCareTest
class ElevatorImportIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    final JsonMapper json = JsonMapper.builder().build();

    ResultActions upload(String filename, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/elevators/import")
                .file(new MockMultipartFile("file", filename, null, content)).with(users.as("regulator")));
    }

    long elevators() {
        return jdbc.sql("SELECT count(*) FROM elevator").query(Long.class).single();
    }

    long communities() {
        return jdbc.sql("SELECT count(*) FROM community").query(Long.class).single();
    }

    static String code(int serial) {
        // demo serials stay below 2,000, so test serials from 100,000 never collide with them
        return "31103301052019" + String.format("%06d", 100_000 + serial);
    }

    @Test
    void aWrongFileTypeIsRefusedWithAClearMessage() throws Exception {
        long before = elevators();
        upload("elevators.csv", "注册代码,类型\n1,2".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("请上传 .xlsx 格式的 Excel 文件。"));
        upload("old.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0, 0, 0})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再上传。"));
        upload("fake.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(elevators()).isEqualTo(before);
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        byte[] file = SpreadsheetFixtures.workbook(SpreadsheetFixtures.headersWithout("品牌", "投用日期"),
                List.<String[]>of(new String[] {"x"}));
        upload("missing.xlsx", file)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://liftcare.cn/problems/import-rejected"))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("缺少必填列：品牌、投用日期"));
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImported() throws Exception {
        long before = elevators();
        long communitiesBefore = communities();
        String existing = jdbc.sql("SELECT registration_code FROM elevator ORDER BY id LIMIT 1").query(String.class).single();
        List<String[]> rows = new ArrayList<>();
        rows.add(SpreadsheetFixtures.row(code(1), null));                        // row 2: fine
        rows.add(SpreadsheetFixtures.row("3110330105", null));                   // row 3: too short
        rows.add(SpreadsheetFixtures.row(existing, null));                       // row 4: already registered
        rows.add(SpreadsheetFixtures.row(code(1), null));                        // row 5: repeats row 2
        String[] future = SpreadsheetFixtures.row(code(5), null);
        future[6] = "2099-01-01";                                                // row 6: commissioned in the future
        rows.add(future);
        String[] newCommunity = SpreadsheetFixtures.row(code(6), null);
        newCommunity[13] = "新建测试小区";                                          // row 7: would create a community...
        newCommunity[16] = jdbc.sql("SELECT credit_code FROM organization WHERE short_name = '小河佳苑物业'")
                .query(String.class).single();
        rows.add(newCommunity);
        String[] wordy = SpreadsheetFixtures.row(code(7), null);
        wordy[2] = "电动扶梯";                                                     // row 8: unknown type
        wordy[7] = "十八";                                                        //         and stops not a number
        rows.add(wordy);

        String body = upload("bad.xlsx", SpreadsheetFixtures.workbook(SpreadsheetFixtures.HEADERS, rows))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode errors = json.readTree(body).get("errors");
        List<String> found = new ArrayList<>();
        errors.forEach(e -> found.add(e.get("row").asInt() + "|" + e.get("column").asString()));
        assertThat(found).contains("3|注册代码", "4|注册代码", "5|注册代码", "6|投用日期", "8|类型", "8|层站数")
                .doesNotContain("2|注册代码", "7|注册代码");
        assertThat(errors.toString()).contains("注册代码 " + existing + " 已被登记", "与第 2 行重复", "“电动扶梯”不是有效值");
        // ...but nothing of the file was written, not even row 7's new community
        assertThat(elevators()).isEqualTo(before);
        assertThat(communities()).isEqualTo(communitiesBefore);
    }

    @Test
    void aGoodFileImportsEveryRowAndCreatesNewCommunities() throws Exception {
        long before = elevators();
        String useUnit = jdbc.sql("SELECT credit_code FROM organization WHERE short_name = '青莎阁物业'")
                .query(String.class).single();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] row = SpreadsheetFixtures.row(code(100 + i), String.valueOf(88100 + i));
            row[13] = "导入新苑";
            row[16] = useUnit;
            rows.add(row);
        }
        upload("good.xlsx", SpreadsheetFixtures.workbook(SpreadsheetFixtures.HEADERS, rows))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.imported").value(3));
        assertThat(elevators()).isEqualTo(before + 3);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE c.name = '导入新苑' AND e.emergency_code LIKE '881%'""").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'elevator' AND actor = 'regulator'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tenThousandRowsImportInOneGo() throws Exception {
        long before = elevators();
        List<String[]> rows = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            String[] row = SpreadsheetFixtures.row("31103301051990" + String.format("%06d", 200_000 + i), null);
            row[14] = (i / 40 + 60) + "幢";
            row[15] = (i % 4 + 1) + "单元";
            rows.add(row);
        }
        long started = System.nanoTime();
        upload("big.xlsx", SpreadsheetFixtures.workbook(SpreadsheetFixtures.HEADERS, rows))
                .andDo(result -> assertThat(result.getResponse().getStatus())
                        .as(result.getResponse().getContentAsString()).isEqualTo(200))
                .andExpect(jsonPath("$.imported").value(10_000));
        System.out.printf("import of 10000 rows took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(elevators()).isEqualTo(before + 10_000);
    }

    @Test
    void theTemplateHasChineseHeadersAndImportsAsIs() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/elevators/import/template").with(users.as("regulator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("注册代码*");
            assertThat(header.getCell(13).getStringCellValue()).isEqualTo("小区*");
        }
        // the example row is valid, apart from its code being free or not
        upload("template.xlsx", template).andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 400));
    }

    @Test
    void theExportReadsBackWithTheSameColumns() throws Exception {
        byte[] export = mvc.perform(get("/api/v1/elevators/export?community=青莎阁").with(users.as("regulator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).isEqualTo("青莎阁");
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo("330105");
        }
        // re-importing the export is refused row by row: the codes are registered already
        upload("export.xlsx", export).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(8));
    }
}
