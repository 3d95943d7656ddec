package cn.liftcare.claims.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a finding's evidence can be read: {@code incident:N} the incident, {@code maintenance:V:ITEM} the
 * maintenance visit, {@code inspection:E:N} the inspections of elevator E, {@code policy:N} the policy, {@code part:CODE} the catalogue, {@code claim:NUMBER} (or the
 * bare claim numbers a duplicate finding lists) the claim found by its number. Anything else is shown as text.
 */
final class EvidenceLinks {

    /** A piece of evidence: its text, and the page it leads to (null if none). */
    record Link(String text, String href) {
    }

    private EvidenceLinks() {
    }

    static List<Link> of(String evidence) {
        List<Link> links = new ArrayList<>();
        if (evidence == null || evidence.isBlank()) {
            return links;
        }
        for (String part : evidence.split(",\\s*")) {
            if (!part.isBlank()) {
                links.add(link(part.strip()));
            }
        }
        return links;
    }

    static Link link(String ref) {
        int colon = ref.indexOf(':');
        String kind = colon < 0 ? "" : ref.substring(0, colon);
        String rest = colon < 0 ? ref : ref.substring(colon + 1);
        return switch (kind) {
            case "incident" -> digits(rest) ? new Link(ref, "/incidents/" + rest) : new Link(ref, null);
            case "repair-order" -> digits(rest) ? new Link(ref, "/repair-orders/" + rest) : new Link(ref, null);
            case "policy" -> digits(rest) ? new Link(ref, "/policies/" + rest) : new Link(ref, null);
            case "inspection" -> {
                String elevator = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
                yield digits(elevator) ? new Link(ref, "/maintenance/elevators/" + elevator) : new Link(ref, null);
            }
            case "maintenance" -> {
                String visit = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
                yield digits(visit) ? new Link(ref, "/maintenance/visits/" + visit) : new Link(ref, null);
            }
            case "part" -> new Link(ref, "/repair-orders/parts?q=" + encode(rest));
            case "claim" -> new Link(rest, "/claims?q=" + encode(rest));
            default -> ref.matches("LP\\d+") ? new Link(ref, "/claims?q=" + ref) : new Link(ref, null);
        };
    }

    private static boolean digits(String s) {
        return s.matches("\\d{1,18}");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
