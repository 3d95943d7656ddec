package cn.liftcare.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.incidents.Channel;
import cn.liftcare.incidents.IncidentType;
import cn.liftcare.incidents.PastIncident;
import cn.liftcare.incidents.PastIncident.Actor;
import cn.liftcare.incidents.PastIncident.PastStep;
import cn.liftcare.incidents.Step;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.LiftCareTime;

/**
 * One elevator's year of faults as the 96333 reports describe them: older elevators fail more, door
 * faults most; rescuers accept within minutes and reach a trapped passenger in about ten (the sloppy
 * company slower, a few too late); service back within hours, minor defects within days; the use unit
 * confirms most. An elevator's incidents never overlap: a report while one is open would have joined it.
 */
final class IncidentYear {

    /** People who report, rescue and confirm. */
    record People(Actor callCentre, Map<OrganizationId, List<Actor>> crews, Map<OrganizationId, Actor> safetyManagers,
            OrganizationId sloppy) {
    }

    private final Random random;
    private final People people;
    private final DemoRepairs repairs;
    private int entrapments;
    private boolean sloppyLateYet;

    IncidentYear(Random random, People people, DemoRepairs repairs) {
        this.random = random;
        this.people = people;
        this.repairs = repairs;
    }

    /**
     * @param rate expected faults over the window
     * @param settledBy when the last one must be back in service
     */
    List<PastIncident> of(ElevatorView elevator, Instant from, Instant to, double rate, Instant settledBy) {
        List<Instant> reports = new ArrayList<>();
        for (int k = poisson(rate); k > 0; k--) {
            reports.add(reportTime(from, to));
        }
        reports.sort(null);
        List<PastIncident> year = new ArrayList<>();
        Instant busyUntil = from;
        for (Instant reported : reports) {
            PastIncident incident = incident(elevator, reported, from, settledBy);
            if (incident != null && !incident.reportedAt().isBefore(busyUntil)) {
                year.add(incident);
                busyUntil = settledAt(incident).plus(Duration.ofHours(1));
            }
        }
        return year;
    }

    private PastIncident incident(ElevatorView e, Instant reported, Instant from, Instant settledBy) {
        List<Actor> crew = people.crews().get(e.maintenanceCompanyId());
        if (crew == null || crew.isEmpty()) {
            return null;
        }
        boolean sloppy = e.maintenanceCompanyId().equals(people.sloppy());
        Symptom symptom = symptom(e.type());
        IncidentType type = symptom.type();
        Channel channel = channel(symptom);
        Actor rescuer = crew.get(random.nextInt(crew.size()));
        double accept = sloppy ? (random.nextInt(100) < 90 ? 2 + 3 * random.nextDouble() : 5 + 5 * random.nextDouble())
                : random.nextInt(100) < 98 ? 1 + 3 * random.nextDouble() : 4 + 3 * random.nextDouble();
        double arrive = Math.max(accept + 1, arrival(type, sloppy));
        List<PastStep> steps = new ArrayList<>();
        steps.add(PastStep.of(Step.ACCEPTED, at(reported, accept), rescuer));
        boolean falseAlarm = random.nextInt(1000) < (channel == Channel.ALARM ? 100 : 26);
        if (falseAlarm) {
            boolean onSite = random.nextBoolean();
            double when = onSite ? arrive + 5 + 10 * random.nextDouble() : accept + 2 + 8 * random.nextDouble();
            if (onSite) {
                steps.add(PastStep.of(Step.ARRIVED, at(reported, arrive), rescuer));
            }
            steps.add(new PastStep(Step.FALSE_ALARM, at(reported, when), rescuer, channel == Channel.ALARM
                    ? "监测终端误报警，现场电梯运行正常" : onSite ? "到场检查电梯运行正常，系误报" : "电话回访报告人，电梯运行正常，系误报"));
        }
        else {
            steps.add(PastStep.of(Step.ARRIVED, at(reported, arrive), rescuer));
            double restore = arrive;
            if (type == IncidentType.ENTRAPMENT) {
                double release = arrive + Math.min(30, Math.max(2, lognormal(6, 0.5)));
                steps.add(PastStep.of(Step.RELEASED, at(reported, release), rescuer));
                restore = random.nextInt(100) < 95 ? release + 10 + Math.max(5, 110 - release) * random.nextDouble()
                        : release + 120 + 360 * random.nextDouble();
            }
            else {
                restore = arrive + restoreAfterArrival(type, sloppy);
            }
            steps.add(PastStep.of(Step.RESTORED, at(reported, restore), rescuer));
        }
        // a fault too close to now for all its steps happened a little earlier
        Instant settled = steps.get(steps.size() - 1).at();
        Duration shift = settled.isAfter(settledBy)
                ? Duration.between(settledBy, settled).plusMinutes(60 + random.nextInt(72 * 60)) : Duration.ZERO;
        reported = reported.minus(shift);
        if (reported.isBefore(from)) {
            return null;
        }
        steps = new ArrayList<>(steps.stream().map(s -> new PastStep(s.step(), s.at().minus(shift), s.actor(), s.note()))
                .toList());
        Actor manager = people.safetyManagers().get(e.useUnitId());
        Instant restored = steps.get(steps.size() - 1).at();
        if (!falseAlarm && manager != null && random.nextInt(100) < 92) {
            Instant confirmed = restored.plusSeconds((long) Math.min(5 * 86_400, Math.max(1_200, lognormal(6 * 3600, 1.0))));
            if (confirmed.isBefore(settledBy)) {
                steps.add(PastStep.of(Step.CONFIRMED, confirmed, manager));
            }
        }
        PastIncident.PastRepair repair = falseAlarm || random.nextInt(100) >= 40 ? null
                : repairs.repair(symptom, e.type() == ElevatorType.ESCALATOR, e.brand(),
                        steps.get(1).at(), restored, rescuer.userId());
        return new PastIncident(e.id(), channel, channel == Channel.ALARM ? Symptom.ALARM : symptom, type,
                DemoTexts.description(symptom, channel, e, random), reported, reporter(channel, e), steps, repair);
    }

    /** Minutes from the report to the rescuer's arrival. */
    private double arrival(IncidentType type, boolean sloppy) {
        double slow = sloppy ? 1.3 : 1.0;
        return switch (type) {
            case ENTRAPMENT -> rescueMinutes(sloppy);
            case OUT_OF_SERVICE -> slow * Math.max(10, lognormal(40, 0.6));
            case SAFETY_HAZARD -> slow * Math.max(15, lognormal(60, 0.7));
            case MINOR_DEFECT -> slow * Math.max(60, lognormal(30 * 60, 0.6));
        };
    }

    /**
     * About ten minutes on average, 90% within about seventeen; too late (past 30) only for the sloppy
     * company's first entrapment and one in seventy of the rest, so the breach board is never empty.
     */
    private double rescueMinutes(boolean sloppy) {
        entrapments++;
        boolean late = sloppy && !sloppyLateYet || entrapments % 70 == 0;
        if (sloppy && late) {
            sloppyLateYet = true;
        }
        return late ? 32 + 15 * random.nextDouble() : Math.min(28 + random.nextDouble(),
                Math.max(3, lognormal(sloppy ? 11 : 8.5, 0.45)));
    }

    private double restoreAfterArrival(IncidentType type, boolean sloppy) {
        double slow = sloppy ? 1.3 : 1.0;
        int roll = random.nextInt(100);
        return switch (type) {
            case OUT_OF_SERVICE -> roll < 2 ? (1.5 + 2.5 * random.nextDouble()) * 1440 : slow * lognormal(150, 0.8);
            case SAFETY_HAZARD -> roll < 2 ? (2.5 + 2.5 * random.nextDouble()) * 1440 : slow * lognormal(120, 0.9);
            default -> roll < 1 ? (8 + 2 * random.nextDouble()) * 1440 : slow * lognormal(90, 0.7);
        };
    }

    private Symptom symptom(ElevatorType type) {
        int roll = random.nextInt(100);
        if (type == ElevatorType.ESCALATOR) {
            return roll < 50 ? Symptom.STOPPED : roll < 80 ? Symptom.NOISE : Symptom.OTHER;
        }
        return roll < 9 ? Symptom.TRAPPED : roll < 49 ? Symptom.DOOR_FAULT : roll < 73 ? Symptom.STOPPED
                : roll < 87 ? Symptom.NOISE : Symptom.OTHER;
    }

    /** Trapped passengers press the alarm button, which rings 96333; a few cars have a monitoring device. */
    private Channel channel(Symptom symptom) {
        int roll = random.nextInt(100);
        return switch (symptom) {
            case TRAPPED -> roll < 55 ? Channel.CALL_CENTRE : roll < 67 ? Channel.ALARM : roll < 85 ? Channel.USE_UNIT
                    : Channel.RESIDENT;
            case STOPPED -> roll < 12 ? Channel.ALARM : roll < 30 ? Channel.CALL_CENTRE : roll < 65 ? Channel.USE_UNIT
                    : Channel.RESIDENT;
            default -> roll < 15 ? Channel.CALL_CENTRE : roll < 50 ? Channel.USE_UNIT : Channel.RESIDENT;
        };
    }

    private Actor reporter(Channel channel, ElevatorView e) {
        return switch (channel) {
            case CALL_CENTRE -> people.callCentre();
            case USE_UNIT -> people.safetyManagers().getOrDefault(e.useUnitId(), Actor.named("resident"));
            case ALARM -> Actor.named("电梯物联网监测终端");
            case RESIDENT -> null;
        };
    }

    /** Mostly in the day: 85% between seven and ten in the evening. */
    private Instant reportTime(Instant from, Instant to) {
        for (int tries = 0; tries < 10; tries++) {
            LocalDate first = LocalDate.ofInstant(from, LiftCareTime.ZONE);
            long days = Duration.between(from, to).toDays() + 1;
            LocalDate day = first.plusDays(random.nextLong(Math.max(1, days)));
            int minute = random.nextInt(100) < 85 ? 7 * 60 + random.nextInt(15 * 60) : (22 * 60 + random.nextInt(9 * 60)) % 1440;
            Instant at = day.atTime(LocalTime.ofSecondOfDay(minute * 60L + random.nextInt(60)))
                    .atZone(LiftCareTime.ZONE).toInstant();
            if (!at.isBefore(from) && !at.isAfter(to)) {
                return at;
            }
        }
        return from.plus(Duration.between(from, to).dividedBy(2));
    }

    private static Instant settledAt(PastIncident incident) {
        return incident.steps().stream().filter(s -> s.step() == Step.RESTORED || s.step() == Step.FALSE_ALARM)
                .map(PastStep::at).findFirst().orElseThrow();
    }

    private static Instant at(Instant reported, double minutes) {
        return reported.plusSeconds(Math.round(minutes * 60));
    }

    private double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
