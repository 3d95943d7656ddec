package cn.liftcare.policies.web;

import java.time.LocalDate;

import cn.liftcare.policies.PolicyStatus;

/**
 * How a policy's state reads at a glance: an issued policy is in force between its dates, not yet in force
 * before them and expired after; the other statuses read as they are.
 */
record StatusBadge(String key, String css) {

    static StatusBadge of(PolicyStatus status, boolean inForce, LocalDate termStart, LocalDate today) {
        return switch (status) {
            case QUOTED -> new StatusBadge("QUOTED", "text-bg-warning");
            case BOUND -> new StatusBadge("BOUND", "text-bg-info");
            case CANCELLED -> new StatusBadge("CANCELLED", "text-bg-dark");
            case LAPSED -> new StatusBadge("LAPSED", "text-bg-danger");
            case ISSUED -> inForce ? new StatusBadge("IN_FORCE", "text-bg-success")
                    : today.isBefore(termStart) ? new StatusBadge("ISSUED", "text-bg-primary")
                    : new StatusBadge("EXPIRED", "text-bg-secondary");
        };
    }
}
