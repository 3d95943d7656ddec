package cn.liftcare.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese is complete, English translates every message, and every key the code uses exists. */
class I18nBundlesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(I18nBundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void englishTranslatesEveryChineseMessage() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }

    @Test
    void everyKeyTheTemplatesAndCodeUseExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new HashSet<>();
        scan(Path.of("src/main/resources/templates"), Pattern.compile("#\\{'?([a-zA-Z0-9._-]+)('?\\s*\\+)?"), used, prefixes);
        scan(Path.of("src/main/java"), Pattern.compile("\"((?:validation|creditCode|elevator|import|user|organization|"
                + "community|region|problem)\\.[a-zA-Z0-9._-]+)\"()"), used, prefixes);
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(keys).as("message key").contains(key));
        for (String prefix : prefixes) {
            assertThat(keys.stream().anyMatch(k -> k.startsWith(prefix))).as("keys starting " + prefix).isTrue();
        }
    }

    private static void scan(Path root, Pattern pattern, Set<String> used, Set<String> prefixes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(2) != null && !m.group(2).isEmpty() || m.group(1).endsWith(".")) {
                        prefixes.add(m.group(1));
                    }
                    else {
                        used.add(m.group(1));
                    }
                }
            }
        }
    }
}
