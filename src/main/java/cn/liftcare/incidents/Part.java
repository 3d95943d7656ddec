package cn.liftcare.incidents;

import java.math.BigDecimal;
import java.util.Arrays;

import cn.liftcare.shared.Money;

/** A part of the catalogue, with its guide price (指导价), labour norm and expected service life. */
public record Part(PartId id, String code, String category, String nameZh, String nameEn, String brands, String models,
        Money guidePrice, BigDecimal labourHours, int expectedLifeYears) {

    /** '*' fits any brand; otherwise a comma-separated list. */
    public boolean fits(String brand) {
        return "*".equals(brands.strip()) || brand != null
                && Arrays.stream(brands.split(",")).map(String::strip).anyMatch(brand::equals);
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
