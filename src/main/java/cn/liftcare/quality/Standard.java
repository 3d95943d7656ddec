package cn.liftcare.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.liftcare.shared.Violation;

/**
 * An evaluation standard, as data: each indicator's weight and linear scoring function (the figure at
 * {@code best} earns 100 points, at {@code worst} none, clamped between), the veto items that force the lowest
 * grade, the grade thresholds and the pay factor of each grade. A score keeps the version it was computed under.
 */
public record Standard(String version, LocalDate effectiveFrom, String name, String basis, List<Weighted> indicators,
        List<String> vetoes, List<Threshold> grades, Map<String, BigDecimal> payFactors) {

    public static final Set<String> VETO_KINDS = Set.of("LIABILITY_ACCIDENT", "FORGED_RECORDS", "UNCERTIFIED_STAFF");

    public Standard {
        indicators = List.copyOf(indicators);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        grades = grades.stream().sorted((a, b) -> Double.compare(b.minScore(), a.minScore())).toList();
        payFactors = Map.copyOf(payFactors);
    }

    /** One indicator of the standard: weight, and the figures that earn all and none of its points. */
    public record Weighted(Indicator code, double weight, double best, double worst) {

        /** The points (0–100) a figure earns: linear from worst to best, either direction, clamped. */
        public double points(double value) {
            if (best == worst) {
                return value == best ? 100 : 0;
            }
            double share = (value - worst) / (best - worst);
            return 100 * Math.max(0, Math.min(1, share));
        }
    }

    public record Threshold(String grade, double minScore) {
    }

    /** The grade a score earns; a veto gives the lowest grade whatever the score. */
    public String gradeOf(double score, boolean vetoed) {
        if (vetoed) {
            return lowestGrade();
        }
        for (Threshold t : grades) {
            if (score >= t.minScore()) {
                return t.grade();
            }
        }
        return lowestGrade();
    }

    public String lowestGrade() {
        return grades.get(grades.size() - 1).grade();
    }

    public BigDecimal payFactor(String grade) {
        BigDecimal factor = payFactors.get(grade);
        if (factor == null) {
            throw new IllegalStateException("standard " + version + " has no pay factor for " + grade);
        }
        return factor;
    }

    /** What is wrong with a standard someone wants to publish; empty when it may be published. */
    public List<Violation> problems() {
        List<Violation> problems = new ArrayList<>();
        if (version == null || !version.matches("[0-9A-Za-z.-]{1,16}")) {
            problems.add(Violation.of("version", "quality.standard.version"));
        }
        if (effectiveFrom == null) {
            problems.add(Violation.of("effectiveFrom", "quality.standard.effectiveFrom"));
        }
        EnumSet<Indicator> seen = EnumSet.noneOf(Indicator.class);
        double total = 0;
        for (Weighted w : indicators) {
            if (w.code() == null || !seen.add(w.code())) {
                problems.add(Violation.of("indicators", "quality.standard.indicatorTwice"));
            }
            if (w.weight() < 0 || w.best() == w.worst()) {
                problems.add(Violation.of("indicators", "quality.standard.indicator", String.valueOf(w.code())));
            }
            total += w.weight();
        }
        if (total <= 0) {
            problems.add(Violation.of("indicators", "quality.standard.noWeight"));
        }
        if (!VETO_KINDS.containsAll(vetoes)) {
            problems.add(Violation.of("vetoes", "quality.standard.veto"));
        }
        List<String> gradeNames = grades.stream().map(Threshold::grade).toList();
        if (!gradeNames.equals(List.of("A", "B", "C", "D")) || grades.get(3).minScore() != 0) {
            problems.add(Violation.of("grades", "quality.standard.grades"));
        }
        for (String g : List.of("A", "B", "C", "D")) {
            BigDecimal f = payFactors.get(g);
            if (f == null || f.signum() < 0 || f.compareTo(BigDecimal.valueOf(2)) > 0) {
                problems.add(Violation.of("payFactors", "quality.standard.payFactor", g));
            }
        }
        return problems;
    }
}
