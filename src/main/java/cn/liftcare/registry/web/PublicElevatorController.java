package cn.liftcare.registry.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.PublicLinks;
import cn.liftcare.registry.QrCodes;
import cn.liftcare.shared.NotFoundException;

/**
 * The page behind the QR code in every car: no login, only public facts. Later modules add the
 * resident's fault report and the maintainer's check-in here.
 */
@Controller
class PublicElevatorController {

    private final ElevatorQueries queries;
    private final QrCodes qr;
    private final PublicLinks links;

    PublicElevatorController(ElevatorQueries queries, QrCodes qr, PublicLinks links) {
        this.queries = queries;
        this.qr = qr;
        this.links = links;
    }

    @GetMapping("/p/{code}")
    String page(@PathVariable String code, Model model) {
        model.addAttribute("elevator", PublicElevator.of(find(code)));
        return "public/elevator";
    }

    @GetMapping(value = "/p/{code}/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qrSvg(@PathVariable String code) {
        find(code);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(qr.svg(links.elevatorPage(code)));
    }

    private ElevatorView find(String code) {
        return queries.findPublic(code).orElseThrow(() -> new NotFoundException("elevator", code));
    }

    @RestController
    @Tag(name = "Public", description = "Open to anyone who scans an elevator's QR code")
    static class PublicElevatorApi {

        private final ElevatorQueries queries;

        PublicElevatorApi(ElevatorQueries queries) {
            this.queries = queries;
        }

        @GetMapping("/api/v1/public/elevators/{code}")
        @Operation(summary = "The public facts of an elevator, by registration code; no login")
        PublicElevator get(@PathVariable String code) {
            return PublicElevator.of(queries.findPublic(code).orElseThrow(() -> new NotFoundException("elevator", code)));
        }
    }
}
