package cn.liftcare.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.liftcare.shared.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43",  // the example of GB 32100-2015
            "9144030071526726XG",  // a Shenzhen company
            "91330100716105852F",  // a Hangzhou company
            "91330100716105852f",  // lower case is normalised
            " 91330100716105852F "})
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertThat(CreditCode.check("creditCode", code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "91330100716105852E, creditCode.checkCharacter, F",
            "91330000MA27U0N83X, creditCode.checkCharacter, 5",
            "9133010071610585, creditCode.length, 16",
            "91330100716105852FF, creditCode.length, 19",
            "913301007161O5852F, creditCode.character, 13",
            "91330100716105I52F, creditCode.character, 15",
            "Z1330100716105852F, creditCode.character, 1",
            "C1330100716105852F, creditCode.authority, C",
            "9133A100716105852F, creditCode.region, 33A100"})
    void refusesAndSaysWhy(String code, String key, String firstArg) {
        Violation violation = CreditCode.check("creditCode", code).orElseThrow();
        assertThat(violation.messageKey()).isEqualTo(key);
        assertThat(String.valueOf(violation.args().get(0))).isEqualTo(firstArg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyCodeIsMissing(String code) {
        assertThat(CreditCode.check("creditCode", code).orElseThrow().messageKey()).isEqualTo("validation.required");
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y4, 3", "9144030071526726X, G", "91330100716105852, F"})
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo(expected);
    }
}
