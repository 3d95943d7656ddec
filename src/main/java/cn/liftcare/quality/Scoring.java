package cn.liftcare.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The score of a set of facts under a standard: each applicable indicator's points weighted, over the weights
 * of the applicable indicators (one without a denominator is left out rather than scored zero), rounded to two
 * decimals; a veto forces the lowest grade. Pure: the same facts and standard always give the same result.
 */
public final class Scoring {

    private Scoring() {
    }

    /** One line of the breakdown: the figure, its basis, the points it earned and its weight. */
    public record Item(Indicator indicator, Double value, String basis, Double points, double weight) {

        public boolean applicable() {
            return value != null;
        }
    }

    public record Result(String standardVersion, double score, String grade, boolean vetoed, List<Item> items) {
    }

    public static Result score(Standard standard, Facts facts) {
        List<Item> items = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Standard.Weighted w : standard.indicators()) {
            Double value = w.code().value(facts);
            Double points = null;
            if (value != null && w.weight() > 0) {
                points = round(w.points(value));
                weighted += w.points(value) * w.weight();
                weights += w.weight();
            }
            items.add(new Item(w.code(), value == null ? null : round4(value), w.code().basis(facts), points, w.weight()));
        }
        double score = weights == 0 ? 0 : round(weighted / weights);
        boolean vetoed = facts.vetoes() > 0; // the job counts only the veto kinds the standard names
        return new Result(standard.version(), score, standard.gradeOf(score, vetoed), vetoed, items);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
