package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.liftcare.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** Which brands a catalogue part fits. */
class PartTest {

    static Part part(String brands) {
        return new Part(new PartId(1), "DO-C", "DOORS", "门机", "Door operator", brands, "*", Money.of("3000"),
                new BigDecimal("6"), 8);
    }

    @Test
    void aStarFitsEveryBrandEvenAnUnknownOne() {
        assertThat(part("*").fits("康力")).isTrue();
        assertThat(part(" * ").fits("奥的斯")).isTrue();
        assertThat(part("*").fits(null)).isTrue();
    }

    @Test
    void aListFitsItsBrandsExactlyWhateverTheSpacing() {
        Part part = part("康力, 奥的斯 ,日立");
        assertThat(part.fits("康力")).isTrue();
        assertThat(part.fits("奥的斯")).isTrue();
        assertThat(part.fits("日立")).isTrue();
        assertThat(part.fits("三菱")).isFalse();
        assertThat(part.fits("康")).as("no partial match").isFalse();
        assertThat(part.fits("康力, 奥的斯")).isFalse();
        assertThat(part.fits(null)).isFalse();
    }

    @Test
    void theNameFollowsTheReadersLanguage() {
        assertThat(part("*").name(Locale.ENGLISH)).isEqualTo("Door operator");
        assertThat(part("*").name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("门机");
    }
}
