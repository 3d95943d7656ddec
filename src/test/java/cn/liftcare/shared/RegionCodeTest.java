package cn.liftcare.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "330105, 330105, true",   // a district covers itself
            "330105, 330106, false",  // and not its neighbour
            "330100, 330105, true",   // a city covers its districts
            "330100, 330201, false",  // and not another city's
            "330000, 330201, true",   // a province covers its cities' districts
            "330000, 320105, false"})
    void coversItsOwnDivisions(String region, String division, boolean covered) {
        assertThat(new RegionCode(region).covers(division)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({"330105, 330105", "330100, 3301%", "330000, 33%"})
    void matchesInSqlWithALikePattern(String region, String pattern) {
        assertThat(new RegionCode(region).likePattern()).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"33010", "3301055", "33O105", ""})
    void hasSixDigits(String value) {
        assertThat(RegionCode.isValid(value)).isFalse();
        assertThatThrownBy(() -> new RegionCode(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
