package cn.liftcare.policies;

import java.math.BigDecimal;

import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.UseCategory;

/**
 * What the price of one elevator depends on. The fault history is faults per elevator-year over the last
 * three years (null when unknown); the quality grade is its maintenance company's (null until graded).
 */
public record RatingFacts(ElevatorType type, int ageYears, String brand, int stops, UseCategory useCategory,
        BigDecimal faultsPerYear, String qualityGrade) {
}
