package cn.liftcare.shared.pdf;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.liftcare.shared.Money;
import cn.liftcare.shared.pdf.PdfDocuments.Column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfDocumentsTest {

    static byte[] pdf;

    @BeforeAll
    static void buildsAPolicyLikeDocument() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("保单号", "LC-2025-000123");
        policy.put("投保人", "杭州市拱墅区小河街道小河佳苑业主委员会");
        policy.put("保险费合计（元）", Money.of("9357.69"));
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {            // long enough for a second page
            rows.add(List.of(i, List.of("小河佳苑", "湖墅嘉园", "大浒东苑").get(i % 3), i + " 号楼 " + (i % 2 + 1) + " 单元",
                    Money.of("1234.5").times(BigDecimal.valueOf(i))));
        }
        pdf = PdfDocuments.a4(Instant.parse("2025-03-01T02:30:00Z"))
                .title("电梯养老综合保险 保险单")
                .keyValues(policy)
                .heading("保险标的")
                .table(List.of(Column.text("序号", 0.6f), Column.text("小区", 1.5f), Column.text("位置", 2),
                        Column.amount("保险费（元）", 1.4f)), rows)
                .paragraph("本保险单依据《电梯养老综合保险条款》签发。被保险电梯发生保险责任范围内的故障，"
                        + "保险人按约定先行赔付维修费用；累计投保满规定年限后，对电梯大修或更新改造给予养老金支持。")
                .toBytes();
    }

    @Test
    void chineseTextExtractsFromThePdf() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("电梯养老综合保险 保险单");
            assertThat(text).contains("电梯养老综合保险 保险单", "小河佳苑", "湖墅嘉园", "大浒东苑", "保险标的",
                    "杭州市拱墅区小河街道小河佳苑业主委员会", "9,357.69", "74,070.00", "《电梯养老综合保险条款》",
                    "第 1 页", "第 2 页", "生成时间 2025-03-01 10:30");
        }
    }

    @Test
    void fontsAreEmbeddedAndEveryCharacterHasAnOutline() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
            assertThat(fonts).contains("NotoSansCJKsc-Regular-Identity-H", "NotoSansCJKsc-Bold-Identity-H");

            // The text layer can be right while the glyphs are blank (a CID font whose CIDs are not its glyph ids):
            // every visible character must draw something.
            StringBuilder blank = new StringBuilder();
            int[] drawn = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
                    super.showGlyph(matrix, font, code, displacement);
                    String unicode = font.toUnicode(code);
                    if (unicode != null && !unicode.isBlank()) {
                        drawn[0]++;
                        if (((PDVectorFont) font).getPath(code).getBounds2D().isEmpty()) {
                            blank.append(unicode);
                        }
                    }
                }
            };
            stripper.getText(doc);
            assertThat(drawn[0]).isGreaterThan(500);
            assertThat(blank.toString()).as("characters drawn blank").isEmpty();
        }
    }

    @Test
    void amountsHaveThousandsSeparatorsAndTwoDecimals() {
        assertThat(PdfDocuments.amount(Money.of("9357.69"))).isEqualTo("9,357.69");
        assertThat(PdfDocuments.amount(Money.of("1234567"))).isEqualTo("1,234,567.00");
        assertThat(PdfDocuments.amount(Money.of("0.5"))).isEqualTo("0.50");
        assertThat(PdfDocuments.amount(Money.of("-12"))).isEqualTo("-12.00");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> PdfDocuments.a4(Instant.EPOCH)
                .table(List.of(Column.text("小区", 1), Column.amount("金额", 1)), List.of(List.of("小河佳苑"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
