package cn.liftcare.shared.pdf;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.BaseFont;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped font subsets cover every Chinese character the app's own text uses; when this fails, re-run
 * scripts/make-font-subset.sh (it collects the characters from the same files).
 */
class PdfFontCoverageTest {

    private static final Set<String> TEXT = Set.of("properties", "html", "json", "csv", "sql", "js", "java");

    @Test
    void theFontsCoverEveryChineseCharacterInTheSources() throws IOException {
        TreeMap<String, String> missing = new TreeMap<>();
        for (Path root : List.of(Path.of("src/main/resources"), Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(PdfFontCoverageTest::isText).toList()) {
                    Files.readString(file, StandardCharsets.UTF_8).codePoints().filter(PdfFontCoverageTest::isChinese)
                            .filter(c -> !covered(PdfDocuments.regularFont(), c) || !covered(PdfDocuments.boldFont(), c))
                            .forEach(c -> missing.putIfAbsent(Character.toString(c), file.toString()));
                }
            }
        }
        assertThat(missing).as("characters the PDF fonts lack, with a file that uses each").isEmpty();
    }

    @Test
    void theFontsCoverAllOfGb2312AndTheMoneySigns() {
        StringBuilder missing = new StringBuilder();
        for (int b1 = 0xA1; b1 <= 0xF7; b1++) {
            for (int b2 = 0xA1; b2 <= 0xFE; b2++) {
                String s = new String(new byte[] {(byte) b1, (byte) b2}, Charset.forName("GB2312"));
                int c = s.codePointAt(0);
                if (c != 0xFFFD && !covered(PdfDocuments.regularFont(), c)) {
                    missing.appendCodePoint(c);
                }
            }
        }
        assertThat(missing.toString()).isEmpty();
        assertThat("¥×￥，。、：；（）【】《》“”‘’—…·".codePoints().allMatch(c -> covered(PdfDocuments.boldFont(), c))).isTrue();
    }

    private static boolean covered(BaseFont font, int c) {
        return font.charExists(c);
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && TEXT.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    private static boolean isChinese(int c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
