package cn.liftcare.claims.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of evidence a finding names leads to the page that shows it. */
class EvidenceLinksTest {

    @Test
    void evidenceLeadsToItsPage() {
        assertThat(EvidenceLinks.of("incident:42")).extracting(EvidenceLinks.Link::href).containsExactly("/incidents/42");
        assertThat(EvidenceLinks.of("maintenance:7:A-4-06")).extracting(EvidenceLinks.Link::href)
                .containsExactly("/maintenance/visits/7");
        assertThat(EvidenceLinks.of("inspection:88:5")).extracting(EvidenceLinks.Link::href)
                .containsExactly("/maintenance/elevators/88");
        assertThat(EvidenceLinks.of("policy:3")).extracting(EvidenceLinks.Link::href).containsExactly("/policies/3");
        assertThat(EvidenceLinks.of("part:DO-MC")).extracting(EvidenceLinks.Link::href)
                .containsExactly("/repair-orders/parts?q=DO-MC");
        assertThat(EvidenceLinks.of("claim:LP20260000012")).containsExactly(
                new EvidenceLinks.Link("LP20260000012", "/claims?q=LP20260000012"));
        assertThat(EvidenceLinks.of("LP20260000012, LP20260000015")).extracting(EvidenceLinks.Link::href)
                .containsExactly("/claims?q=LP20260000012", "/claims?q=LP20260000015");
    }

    @Test
    void whatIsNotALinkStaysText() {
        assertThat(EvidenceLinks.of(null)).isEmpty();
        assertThat(EvidenceLinks.of("incident:x")).containsExactly(new EvidenceLinks.Link("incident:x", null));
        assertThat(EvidenceLinks.of("something")).containsExactly(new EvidenceLinks.Link("something", null));
    }

    @Test
    void theSourceIsARepairOrderOrAnIncident() {
        assertThat(ClaimPageController.Source.of("repair-order:12")).isEqualTo(new ClaimPageController.Source("repair-order", 12));
        assertThat(ClaimPageController.Source.of("incident:5")).isEqualTo(new ClaimPageController.Source("incident", 5));
        assertThat(ClaimPageController.Source.of("key:9:abc")).isNull();
        assertThat(ClaimPageController.Source.of(null)).isNull();
    }
}
