package cn.liftcare.incidents;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB/T 24476 fault codes and the incident each one opens. */
class AlarmFaultsTest {

    @ParameterizedTest
    @CsvSource({"11, ENTRAPMENT", "05, SAFETY_HAZARD", "09, SAFETY_HAZARD", "10, SAFETY_HAZARD",
            "62, SAFETY_HAZARD", "63, SAFETY_HAZARD", "64, SAFETY_HAZARD", "01, OUT_OF_SERVICE", "02, OUT_OF_SERVICE",
            "03, OUT_OF_SERVICE", "04, OUT_OF_SERVICE", "06, OUT_OF_SERVICE", "07, OUT_OF_SERVICE", "08, OUT_OF_SERVICE",
            "61, OUT_OF_SERVICE", "65, OUT_OF_SERVICE"})
    void eachKnownCodeOpensItsType(String code, IncidentType type) {
        assertThat(AlarmFaults.typeOf(code)).contains(type);
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(AlarmFaults.typeOf(" 11 ")).contains(IncidentType.ENTRAPMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "12", "60", "66", "1", "011", "ab", "99"})
    void anUnknownCodeOpensNothing(String code) {
        assertThat(AlarmFaults.typeOf(code)).isEmpty();
    }

    @Test
    void noCodeOpensNothing() {
        assertThat(AlarmFaults.typeOf(null)).isEqualTo(Optional.empty());
    }
}
