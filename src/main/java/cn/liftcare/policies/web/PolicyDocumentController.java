package cn.liftcare.policies.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.policies.InvoiceNotice;
import cn.liftcare.policies.PdfFile;
import cn.liftcare.policies.PolicyCertificate;
import cn.liftcare.policies.PolicyId;

/** The policy certificate and the invoice notices as PDFs, shown inline, scoped like their JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Policies")
class PolicyDocumentController {

    private final PolicyCertificate certificates;
    private final InvoiceNotice notices;

    PolicyDocumentController(PolicyCertificate certificates, InvoiceNotice notices) {
        this.certificates = certificates;
        this.notices = notices;
    }

    @GetMapping("/policies/{id}/certificate.pdf")
    @Operation(summary = "The policy certificate (保险单) as a PDF in Chinese: parties, term, sections and limits, "
            + "exclusions, pension share schedule, the schedule of elevators with each premium's calculation, payers "
            + "and instalments, clauses, and the three parties' acceptance",
            description = "Scoped like GET /api/v1/policies/{id}: outside the caller's scope 404. A policy not yet "
                    + "issued answers 409 with rule policy-not-issued.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)),
                @ApiResponse(responseCode = "404", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "409", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<byte[]> certificate(Scope scope, @PathVariable long id) {
        return inline(certificates.render(scope, new PolicyId(id)));
    }

    @GetMapping("/invoices/{id}.pdf")
    @Operation(summary = "An invoice as a PDF in Chinese: the premium notice (保费缴费通知单) or credit note (退费通知单), "
            + "with what is settled and outstanding, the payments, and the insurer's name and phone",
            description = "Scoped like GET /api/v1/invoices/{id}: outside the caller's scope 404.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)),
                @ApiResponse(responseCode = "404", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<byte[]> invoice(Scope scope, @PathVariable long id) {
        return inline(notices.render(scope, id));
    }

    private static ResponseEntity<byte[]> inline(PdfFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.filename()).build().toString())
                .body(file.content());
    }
}
